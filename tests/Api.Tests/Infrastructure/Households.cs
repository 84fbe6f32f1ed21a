using System.Net;
using System.Text.Json.Nodes;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>Builders for shared accounts, through the real household endpoints.</summary>
public static class Households
{
    /// <summary>Invites <paramref name="username"/> to the account with <paramref name="role"/> and returns the invitation id.</summary>
    public static async Task<string> InviteAsync(this ApiUser owner, string accountId, string username, string role)
    {
        var invitation = await owner.Client.PostJsonAsync($"/accounts/{accountId}/invitations", new { username, role }).OkJsonAsync();
        return invitation["invitation_id"]!.GetValue<string>();
    }

    /// <summary>Accepts an invitation as <paramref name="invitee"/> and returns the account's line of their list.</summary>
    public static Task<JsonNode> AcceptAsync(this ApiUser invitee, string invitationId) =>
        invitee.Client.PostAsync($"/invitations/{invitationId}/accept", null).OkJsonAsync();

    /// <summary>Makes <paramref name="member"/> a member of the owner's account with <paramref name="role"/>.</summary>
    public static async Task ShareAsync(this ApiUser owner, string accountId, ApiUser member, string role) =>
        await member.AcceptAsync(await owner.InviteAsync(accountId, member.Username, role));

    /// <summary>Removes <paramref name="member"/> from the account, as <paramref name="by"/>, expecting 204.</summary>
    public static async Task RemoveAsync(this ApiUser by, string accountId, string member)
    {
        using var removed = await by.Client.DeleteAsync($"/accounts/{accountId}/members/{member}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }

    /// <summary>The members as <c>username:role</c>, in the order they joined.</summary>
    public static async Task<string[]> MembersAsync(this ApiUser member, string accountId)
    {
        var members = (await member.Client.GetJsonAsync($"/accounts/{accountId}/members")).AsArray();
        return [.. members.Select(m => $"{m!["username"]!.GetValue<string>()}:{m["role"]!.GetValue<string>()}")];
    }

    /// <summary>The caller's account list as <c>account id:role</c>.</summary>
    public static async Task<string[]> AccountRolesAsync(this ApiUser user)
    {
        var accounts = (await user.Client.GetJsonAsync("/accounts")).AsArray();
        return [.. accounts.Select(a => $"{a!["account_id"]!.GetValue<string>()}:{a["role"]!.GetValue<string>()}")];
    }

    /// <summary>The ids of the caller's pending invitations.</summary>
    public static async Task<string[]> InvitationIdsAsync(this ApiUser user)
    {
        var invitations = (await user.Client.GetJsonAsync("/users/me/invitations")).AsArray();
        return [.. invitations.Select(i => i!["invitation_id"]!.GetValue<string>())];
    }
}
