using Microsoft.AspNetCore.Http.HttpResults;
using NVelopes.Api.Accounts;
using NVelopes.Api.Hosting;
using NVelopes.Api.Security;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
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

    public static IEndpointRouteBuilder MapHouseholdsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/accounts/{id}")
            .RequireAuthorization()
            .WithTags("Households")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        account.MapPost("/invitations", Invite).WithName("InviteMember")
            .WithSummary("Owner: invite a username to share the account with a role (owner, editor or viewer).")
            .WithDescription("The answer is the same whether or not anyone has that username. " + Limits +
                " A username with a pending invitation here: 409; a member's: 400.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).LimitWritesPerUser();
        account.MapGet("/invitations", ListInvitations).WithName("ListAccountInvitations")
            .WithSummary("Owner: the account's pending invitations.");
        account.MapDelete("/invitations/{invitationId}", WithdrawInvitation).WithName("WithdrawInvitation")
            .WithSummary("Owner: withdraw a pending invitation.").LimitWritesPerUser();
        account.MapGet("/members", ListMembers).WithName("ListMembers")
            .WithSummary("Any member: who shares the account, with their roles.");
        account.MapPut("/members/{username}", ChangeRole).WithName("ChangeMemberRole")
            .WithSummary("Owner: give a member another role. The last owner cannot be demoted (400).").LimitWritesPerUser();
        account.MapDelete("/members/{username}", RemoveMember).WithName("RemoveMember")
            .WithSummary("Owner: remove a member; any member: leave, naming themselves. The last owner cannot leave (400).")
            .LimitWritesPerUser();

        var invitee = endpoints.MapGroup("")
            .RequireAuthorization()
            .WithTags("Households")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        invitee.MapGet("/users/me/invitations", MyInvitations).WithName("ListMyInvitations")
            .WithSummary("The invitations pending for the caller's username.");
        invitee.MapPost("/invitations/{invitationId}/accept", Accept).WithName("AcceptInvitation")
            .WithSummary("The invitee: join the account with the invitation's role; answers the account's line of GET /accounts.")
            .WithDescription("Another user's invitation, and an id that names none, are 404. " + Limits)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).LimitWritesPerUser();
        invitee.MapPost("/invitations/{invitationId}/decline", Decline).WithName("DeclineInvitation")
            .WithSummary("The invitee: decline the invitation.")
            .ProducesProblem(StatusCodes.Status404NotFound).LimitWritesPerUser();
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
