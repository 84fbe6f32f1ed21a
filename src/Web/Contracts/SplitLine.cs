namespace NVelopes.Web.Contracts;

/// <summary>One line of a payment source's split as the API lists it: envelope <c>id</c> gets <c>amount</c>.</summary>
public sealed record SplitLine(int Id, decimal Amount);
