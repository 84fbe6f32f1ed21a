using Microsoft.AspNetCore.Http.HttpResults;
using NVelopes.Api.Accounts;
using NVelopes.Api.OpenApi;
using NVelopes.Api.Security;
using NVelopes.Api.Wire;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Users;
using NVelopes.Grains.Domain.Users;
using NVelopes.Grains.Domain.Households;

namespace NVelopes.Api.Households;

/// <summary>
/// Households: sharing an account with roles, and the invitations that do it. Every handler makes one grain call;
/// the roles are checked by the account grain on the state it applies the call to, so non-members get 404 exactly
/// as for an account that does not exist, and members without the role 403 naming it.
/// </summary>
public static class HouseholdsEndpoints
{
    private static readonly string Limits =
        $"An account has at most {HouseholdLimits.MembersPerAccount} members and {HouseholdLimits.PendingInvitationsPerAccount} pending invitations.";

    private const string Retries =
        " With an `Idempotency-Key`, a retry answers what the first request answered and changes nothing again; " +
        "`If-Match` refuses the change (412) unless the account is still at that version.";

    private static readonly RouteProblem InvitationNotFound = RouteAnswers.NotFound(InvitationIds.NotFoundMessage);
    private static readonly RouteProblem NotAMember = RouteAnswers.NotFound($"'{ApiExamples.Invitee}' is not a member of this account.");
    private static readonly RouteProblem RoleRefused = RouteAnswers.Invalid(MemberRoles.UnknownRoleMessage);
    private static readonly RouteProblem UsernameRefused = RouteAnswers.Invalid(UsernameRule.RefusalOf("j")!);
    private static readonly RouteProblem AlreadyMember = RouteAnswers.Invalid($"'{ApiExamples.Invitee}' is already a member of this account.");
    private static readonly RouteProblem AlreadyInvited = RouteAnswers.Conflict(
        $"'{ApiExamples.Invitee}' already has a pending invitation to this account; withdraw it to invite again.");
    private static readonly RouteProblem TooManyInvitations = RouteAnswers.Invalid(
        $"An account has at most {HouseholdLimits.PendingInvitationsPerAccount} pending invitations; withdraw one to invite again.");
    private static readonly RouteProblem AccountFull = RouteAnswers.Invalid(
        $"The account already has {HouseholdLimits.MembersPerAccount} members, the most it may have.");

    private static RouteProblem LastOwner(string detail) => RouteAnswers.Invalid(detail);

    public static IEndpointRouteBuilder MapHouseholdsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup(AccountIds.AccountRoute).RequireAuthorization().WithTags("Households");
        account.MapPost("/invitations", Invite).WithName("InviteMember").LimitWritesPerUser().Documented(
            "Owner: invite a username to share the account with a role (owner, editor or viewer).",
            RouteAnswers.OwnerCommand(RoleRefused, UsernameRefused, AlreadyMember, TooManyInvitations, AlreadyInvited),
            "The answer is the same whether or not anyone has that username, so it tells nobody who has an account. " + Limits +
            " The invitee sees it in `GET /users/me/invitations` and accepts or declines it there." + Retries);
        account.MapGet("/invitations", ListInvitations).WithName("ListAccountInvitations").Documented(
            "Owner: the account's pending invitations.", RouteAnswers.AccountRead(sendsETag: false, RouteAnswers.NeedsOwner));
        account.MapDelete("/invitations/{invitationId}", WithdrawInvitation).WithName("WithdrawInvitation").LimitWritesPerUser().Documented(
            "Owner: withdraw a pending invitation.", RouteAnswers.OwnerCommand(InvitationNotFound), Retries.TrimStart());
        account.MapGet("/members", ListMembers).WithName("ListMembers").Documented(
            "Any member: who shares the account, with their roles.", RouteAnswers.AccountRead(sendsETag: false));
        account.MapPut("/members/{username}", ChangeRole).WithName("ChangeMemberRole").LimitWritesPerUser().Documented(
            "Owner: give a member another role; answers every member.",
            RouteAnswers.OwnerCommand(RoleRefused, LastOwner("The last owner cannot be demoted; make another member an owner first."), NotAMember),
            Retries.TrimStart());
        account.MapDelete("/members/{username}", RemoveMember).WithName("RemoveMember").LimitWritesPerUser().Documented(
            "Owner: remove a member; any member: leave, naming themselves.",
            RouteAnswers.OwnerCommand(
                LastOwner("The last owner cannot leave or be removed; make another member an owner first, or close the account."), NotAMember),
            "A member who is not an owner may name only themselves (leaving); anyone else is a 403." + Retries);

        var invitee = endpoints.MapGroup("").RequireAuthorization().WithTags("Households");
        invitee.MapGet("/users/me/invitations", MyInvitations).WithName("ListMyInvitations").Documented(
            "The invitations pending for the caller's username.",
            new RouteDocumentation([RouteAnswers.Unauthorized, RouteAnswers.Unavailable]));
        invitee.MapPost("/invitations/{invitationId}/accept", Accept).WithName("AcceptInvitation").LimitWritesPerUser().Documented(
            "Join the account with the invitation's role; answers the account's line of GET /accounts.",
            new RouteDocumentation([RouteAnswers.Unauthorized, InvitationNotFound, AccountFull, RouteAnswers.TooManyChanges, RouteAnswers.Unavailable]),
            "Only the username invited may accept: another user's invitation, and an id that names none, are 404. " +
            "Accepting again once joined answers the same account line. " + Limits);
        invitee.MapPost("/invitations/{invitationId}/decline", Decline).WithName("DeclineInvitation").LimitWritesPerUser().Documented(
            "Decline an invitation to the caller's username.",
            new RouteDocumentation([RouteAnswers.Unauthorized, InvitationNotFound, RouteAnswers.TooManyChanges, RouteAnswers.Unavailable]));
        return endpoints;
    }

    public static async Task<JsonOk<InvitationResponse>> Invite(string id, InviteRequest request, [AsParameters] AccountServices services)
    {
        var update = await services.Run(id, services.OptionsFor(new { id, request }), (grain, actor, options, ct) =>
            grain.InviteAsync(new InviteMember(actor, request.Username ?? "", request.Role ?? "", options), ct));
        return JsonOk.Of(update.Invitation!.ToResponse());
    }

    public static async Task<JsonOk<IReadOnlyList<InvitationResponse>>> ListInvitations(string id, [AsParameters] AccountServices services) =>
        JsonOk.Of((await services.Account(id).ListInvitationsAsync(new ReadHousehold(services.User.Id), services.Aborted)).ToResponses());

    public static async Task<NoContent> WithdrawInvitation(string id, string invitationId, [AsParameters] AccountServices services)
    {
        await services.Run(id, services.OptionsFor(new { id, invitationId }), (grain, actor, options, ct) =>
            grain.WithdrawInvitationAsync(new WithdrawInvitation(actor, invitationId, options), ct));
        return TypedResults.NoContent();
    }

    public static async Task<JsonOk<IReadOnlyList<MemberResponse>>> ListMembers(string id, [AsParameters] AccountServices services) =>
        JsonOk.Of((await services.Account(id).ListMembersAsync(new ReadHousehold(services.User.Id), services.Aborted)).ToResponses());

    public static async Task<JsonOk<IReadOnlyList<MemberResponse>>> ChangeRole(
        string id, string username, RoleRequest request, [AsParameters] AccountServices services)
    {
        var members = await services.Account(id).ChangeMemberRoleAsync(
            new ChangeMemberRole(services.User.Id, username, request.Role ?? "", services.OptionsFor(new { id, username, request })), services.Aborted);
        return JsonOk.Of(members.ToResponses());
    }

    public static async Task<NoContent> RemoveMember(string id, string username, [AsParameters] AccountServices services)
    {
        await services.Account(id).RemoveMemberAsync(
            new RemoveMember(services.User.Id, username, services.OptionsFor(new { id, username })), services.Aborted);
        return TypedResults.NoContent();
    }

    public static async Task<JsonOk<IReadOnlyList<InvitationResponse>>> MyInvitations([AsParameters] AccountServices services) =>
        JsonOk.Of((await services.Caller().ListInvitationsAsync(services.Aborted)).ToResponses());

    public static async Task<JsonOk<AccountSummaryResponse>> Accept(string invitationId, [AsParameters] AccountServices services) =>
        JsonOk.Of((await services.Caller().AcceptInvitationAsync(Checked(invitationId), services.Aborted)).ToResponse());

    public static async Task<NoContent> Decline(string invitationId, [AsParameters] AccountServices services)
    {
        await services.Caller().DeclineInvitationAsync(Checked(invitationId), services.Aborted);
        return TypedResults.NoContent();
    }

    /// <summary>An id that cannot be an invitation's is answered as one that names none, without a grain call.</summary>
    private static string Checked(string invitationId) =>
        InvitationIds.AccountOf(invitationId) is not null
            ? invitationId
            : throw new NVelopesException(ErrorKind.NotFound, InvitationIds.NotFoundMessage);
}
