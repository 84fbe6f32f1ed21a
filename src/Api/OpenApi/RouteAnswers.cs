using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Households;

namespace NVelopes.Api.OpenApi;

/// <summary>
/// The refusals routes share, with the <c>detail</c> the service really sends, and the usual sets of them: a new
/// route picks its set and adds its own refusals (<c>RouteAnswers.AccountCommand(RouteAnswers.Invalid("…"))</c>).
/// </summary>
public static class RouteAnswers
{
    public static RouteProblem Invalid(string detail) => new(StatusCodes.Status400BadRequest, detail);

    public static RouteProblem NotFound(string detail) => new(StatusCodes.Status404NotFound, detail);

    public static RouteProblem Conflict(string detail) => new(StatusCodes.Status409Conflict, detail);

    /// <summary>A member whose role is below the one the route needs.</summary>
    public static RouteProblem Forbidden(string needed, string held) =>
        new(StatusCodes.Status403Forbidden, MemberRoles.ForbiddenMessage(needed, held));

    public static readonly RouteProblem NeedsEditor = Forbidden(MemberRoles.Editor, MemberRoles.Viewer);

    public static readonly RouteProblem NeedsOwner = Forbidden(MemberRoles.Owner, MemberRoles.Editor);

    public static readonly RouteProblem Unauthorized =
        new(StatusCodes.Status401Unauthorized, "The token expired at 2026-12-06T10:00:00Z: log in again at /token.");

    public static readonly RouteProblem AccountNotFound = NotFound($"Account '{ApiExamples.AccountId}' was not found.");

    public static readonly RouteProblem EnvelopeNotFound = NotFound("No envelope exists with id: 9");

    public static readonly RouteProblem PaymentSourceNotFound = NotFound("No payment source exists with id: 3");

    public static readonly RouteProblem Stale = new(StatusCodes.Status412PreconditionFailed,
        $"The account has changed since version {ApiExamples.Version}; read it again before changing it.");

    public static readonly RouteProblem KeyReused = new(StatusCodes.Status422UnprocessableEntity,
        "This Idempotency-Key was already used with a different request; use a new key for a new request.");

    public static readonly RouteProblem TooManyChanges = new(StatusCodes.Status429TooManyRequests,
        "Too many changes: a user may make at most 600 account changes every 60 seconds; try again in 12 seconds.");

    public static readonly RouteProblem TooManyAttempts = new(StatusCodes.Status429TooManyRequests,
        "Too many attempts; try again in 20 seconds.");

    public static readonly RouteProblem Unavailable = new(StatusCodes.Status503ServiceUnavailable,
        "The account store is unavailable right now; try again shortly.");

    public static readonly RouteProblem InvalidHeader = Invalid(
        "If-Match must be one ETag of this account as the service sent it, such as \"7\", or *.");

    public static readonly RouteProblem InvalidAmount = Invalid("amount must be a whole number of cents (at most 2 decimal places).");

    public static readonly RouteProblem DuplicateEnvelope = Conflict($"An envelope named '{ApiExamples.Groceries}' already exists.");

    public static readonly RouteProblem SplitTooLarge = Invalid(Account.PayTooSmallMessage);

    /// <summary>A read of one of the caller's accounts; <paramref name="sendsETag"/> when it answers the account's version.</summary>
    public static RouteDocumentation AccountRead(bool sendsETag, params RouteProblem[] more) =>
        new([Unauthorized, AccountNotFound, Unavailable, .. more], SendsETag: sendsETag);

    /// <summary>
    /// A change of one of the caller's accounts: retry-safe with <c>Idempotency-Key</c>, guarded by <c>If-Match</c>, rate
    /// limited, and refused to a viewer (editors make every money change).
    /// </summary>
    public static RouteDocumentation AccountCommand(params RouteProblem[] more) => AccountCommandOf(NeedsEditor, more);

    /// <summary>A change of an account only its owners may make (closing it, its members and invitations).</summary>
    public static RouteDocumentation OwnerCommand(params RouteProblem[] more) => AccountCommandOf(NeedsOwner, more);

    private static RouteDocumentation AccountCommandOf(RouteProblem refusedRole, RouteProblem[] more) =>
        new([InvalidHeader, Unauthorized, refusedRole, AccountNotFound, Stale, KeyReused, TooManyChanges, Unavailable, .. more],
            IsMutation: true, SendsETag: true);
}
