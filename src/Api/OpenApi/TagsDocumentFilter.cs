using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NVelopes.Api.OpenApi;

/// <summary>What each tag of the description groups.</summary>
public sealed class TagsDocumentFilter : IDocumentFilter
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["Users"] = "Sign up, log in and the caller's profile.",
        ["Accounts"] = "Accounts, their envelopes and payment sources, the money moving between them, the history and the change feed.",
        ["Households"] = "Sharing an account with roles (owner, editor, viewer): its members, and the invitations that add them.",
        ["Schedules"] = "Recurring pays, fills and debits of an account, applied once each when they fall due.",
        ["Import and export"] = "Bank statements (CSV, OFX/QFX, QIF) into an envelope without duplicates, and the history out as CSV.",
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && Descriptions.TryGetValue(name, out var description) && tag is OpenApiTag described)
                described.Description = description;
        }
    }
}
