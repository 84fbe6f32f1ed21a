using System.Text.Json.Serialization;

namespace NVelopes.Web.Contracts;

/// <summary>The answer of <c>POST /accounts/new</c>, whose keys are PascalCase as the original's were.</summary>
public sealed record OpenedAccount([property: JsonPropertyName("AccountId")] string AccountId);
