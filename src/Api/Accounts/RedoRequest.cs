using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("The account whose most recently undone transaction to redo.")]
public sealed record RedoRequest([property: Description("The account's id.")] string AccountId) : IHasExample<RedoRequest>
{
    public static RedoRequest Example => new(ApiExamples.AccountId);
}
