using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("The account whose newest transaction to undo.")]
public sealed record UndoRequest([property: Description("The account's id.")] string AccountId) : IHasExample<UndoRequest>
{
    public static UndoRequest Example => new(ApiExamples.AccountId);
}
