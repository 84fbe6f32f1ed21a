namespace NVelopes.Api.OpenApi;

/// <summary>
/// What a route declares about itself for the OpenAPI description, as endpoint metadata that
/// <see cref="RouteDocumentationOperationFilter"/> turns into responses, headers and examples. Build it with
/// <see cref="RouteAnswers"/>.
/// </summary>
/// <param name="Problems">Every refusal the route can answer; the description lists these statuses and no others.</param>
/// <param name="IsMutation">The route reads <c>Idempotency-Key</c> and <c>If-Match</c>.</param>
/// <param name="SendsETag">The success answer carries the account's <c>ETag</c>.</param>
/// <param name="AnswerExample">An example success body where the body is not a documented type (a bare string or boolean).</param>
public sealed record RouteDocumentation(
    IReadOnlyList<RouteProblem> Problems, bool IsMutation = false, bool SendsETag = false, object? AnswerExample = null)
{
    public RouteDocumentation With(params RouteProblem[] more) => this with { Problems = [.. Problems, .. more] };
}

public static class RouteDocumentationExtensions
{
    /// <summary>
    /// Documents a route: a one-line <paramref name="summary"/>, an optional Markdown <paramref name="description"/>
    /// and what it answers. Every route in the description must say this much: the description test fails for one
    /// that does not.
    /// </summary>
    public static TBuilder Documented<TBuilder>(
        this TBuilder builder, string summary, RouteDocumentation answers, string? description = null) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(answers);
        builder.WithSummary(summary);
        if (description is not null) builder.WithDescription(description);
        return builder;
    }
}
