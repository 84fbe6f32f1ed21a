using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using NVelopes.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NVelopes.Web.Tests;

/// <summary>
/// Households through the screens: an owner invites, the invitee answers on the accounts screen, the history names
/// who did what, a viewer meets no money form, and a refusal shows the API's sentence and changes nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HouseholdsInTheBrowserTests(WebAppFixture fixture)
{
    private const string LastOwnerSentence =
        "The last owner cannot leave or be removed; make another member an owner first, or close the account.";

    [SkippableFact]
    public async Task AnOwnerInvites_TheInviteeAccepts_SeesTheAccountWithItsRole_AndTheHistoryNamesWhoDidWhat()
    {
        var (owner, ownerToken) = await fixture.SignUpAsync();
        var (partner, partnerToken) = await fixture.SignUpAsync();
        var (accountId, ids) = await fixture.OpenAccountAsync(ownerToken, "Home budget", 100m, canGoNegative: true, "Food");
        await fixture.DepositAsync(ownerToken, accountId, ids[0], 40m, "groceries");

        var ownerPage = await fixture.NewPageAsync();
        await ownerPage.LogInAsync(owner);
        await Expect(AccountLine(ownerPage, accountId)).ToContainTextAsync("owner");
        await ownerPage.OpenAccountPageAsync(accountId, "Home budget");
        await ownerPage.GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        await Expect(MemberRow(ownerPage, owner)).ToContainTextAsync("owner");
        await Expect(MemberRow(ownerPage, owner)).ToContainTextAsync("Web " + owner); // the full name
        await ownerPage.GetByLabel("Username").FillAsync(partner);
        await ownerPage.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("editor");
        await ownerPage.GetByLabel("Username").PressAsync("Enter"); // the form submits on Enter
        var pending = ownerPage.Locator($".invitations li[data-invitation='{partner}']");
        await Expect(pending).ToContainTextAsync($"{partner} as editor, invited by {owner}");
        await Expect(pending.GetByRole(AriaRole.Button, new() { Name = "Withdraw" })).ToBeVisibleAsync();

        var partnerPage = await fixture.NewPageAsync();
        await partnerPage.LogInAsync(partner);
        var invitation = partnerPage.Locator(".invitations li[data-invitation='Home budget']");
        await Expect(invitation).ToContainTextAsync($"{owner} invites you to Home budget as editor");
        await Expect(AccountLine(partnerPage, accountId)).ToHaveCountAsync(0);
        await partnerPage.ScreenshotAsync("desktop-invitation");
        await invitation.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(AccountLine(partnerPage, accountId)).ToContainTextAsync("editor");
        await Expect(AccountLine(partnerPage, accountId)).ToContainTextAsync("Home budget");
        await Expect(partnerPage.Locator(".invitations li")).ToHaveCountAsync(0);
        Assert.Empty(await GetArrayAsync(partnerToken, "users/me/invitations"));

        await AccountLine(partnerPage, accountId).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(partnerPage.Envelope("Food")).ToContainTextAsync("40.00"); // the owner's deposit
        await partnerPage.RecordAsync("Deposit", "Food", "10", "from the partner");
        await Expect(partnerPage.Envelope("Food")).ToContainTextAsync("50.00");
        await partnerPage.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        var rows = partnerPage.Locator("table.history tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0).Locator("td.who")).ToHaveTextAsync(partner);
        await Expect(rows.Nth(0)).ToContainTextAsync("from the partner");
        await Expect(rows.Nth(1).Locator("td.who")).ToHaveTextAsync(owner);
        await Expect(rows.Nth(1)).ToContainTextAsync("groceries");

        // The owner's members screen follows the account: the partner joined, the invitation is no longer pending.
        await Expect(MemberRow(ownerPage, partner)).ToContainTextAsync("editor", new() { Timeout = 5_000 });
        await Expect(pending).ToHaveCountAsync(0);
        await ownerPage.ScreenshotAsync("desktop-members");

        await ownerPage.GetByLabel($"Role for {partner}").SelectOptionAsync("viewer");
        await MemberRow(ownerPage, partner).GetByRole(AriaRole.Button, new() { Name = $"Change role of {partner}" }).ClickAsync();
        await Expect(MemberRow(ownerPage, partner).Locator("td.role")).ToHaveTextAsync("viewer");
        var members = await GetArrayAsync(ownerToken, $"accounts/{accountId}/members");
        Assert.Equal("viewer", members.Single(m => m.GetProperty("username").GetString() == partner).GetProperty("role").GetString());

        var phone = await fixture.NewPageAsync(390, 844);
        await phone.LogInAsync(owner);
        await phone.GotoAsync($"/app/accounts/{accountId}/members");
        await Expect(MemberRow(phone, partner)).ToContainTextAsync("viewer");
        await phone.ScreenshotAsync("phone-members");
        await phone.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        var phoneRows = phone.Locator("table.history tbody tr");
        await Expect(phoneRows).ToHaveCountAsync(3);
        await Expect(phoneRows.Nth(0).Locator(".by")).ToBeVisibleAsync(); // on a phone under what was done
        await Expect(phoneRows.Nth(0).Locator(".by")).ToHaveTextAsync($"by {partner}");
        await Expect(phoneRows.Nth(0).Locator("td.who")).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task AViewer_SeesTheAccountAndItsHistory_ButNoMoneyForms()
    {
        var (owner, ownerToken) = await fixture.SignUpAsync();
        var (viewer, viewerToken) = await fixture.SignUpAsync();
        var (accountId, ids) = await fixture.OpenAccountAsync(ownerToken, "Looked at", 50m, canGoNegative: true, "Fun");
        await fixture.DepositAsync(ownerToken, accountId, ids[0], 5m, "pocket money");
        await JoinAsync(ownerToken, accountId, viewer, viewerToken, "viewer");

        var page = await fixture.NewPageAsync();
        await page.LogInAsync(viewer);
        await Expect(AccountLine(page, accountId)).ToContainTextAsync("viewer");
        await page.OpenAccountPageAsync(accountId, "Looked at");
        await Expect(page.Envelope("Fun")).ToContainTextAsync("5.00");
        await Expect(page.GetByTestId("read-only")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Money" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Deposit" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add envelope" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Rename Fun" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add payment source" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await Expect(page.Locator("table.history tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("table.history tbody tr").First.Locator("td.who")).ToHaveTextAsync(owner);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Undo" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        await Expect(MemberRow(page, viewer)).ToContainTextAsync("viewer");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Invite" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Change role", Exact = false })).ToHaveCountAsync(0);

        // A viewer may leave: the account leaves their list.
        await page.GetByRole(AriaRole.Button, new() { Name = "Leave" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your accounts" })).ToBeVisibleAsync();
        await Expect(AccountLine(page, accountId)).ToHaveCountAsync(0);
        var members = await GetArrayAsync(ownerToken, $"accounts/{accountId}/members");
        Assert.DoesNotContain(members, m => m.GetProperty("username").GetString() == viewer);
    }

    [SkippableFact]
    public async Task TheLastOwnersLeave_ShowsTheApisSentence_AndChangesNothing()
    {
        var (owner, ownerToken) = await fixture.SignUpAsync();
        var (editor, editorToken) = await fixture.SignUpAsync();
        var (accountId, _) = await fixture.OpenAccountAsync(ownerToken, "Kept together", 10m, canGoNegative: true);
        await JoinAsync(ownerToken, accountId, editor, editorToken, "editor");
        var page = await fixture.NewPageAsync();
        await page.LogInAsync(owner);
        await page.GotoAsync($"/app/accounts/{accountId}/members");
        await Expect(MemberRow(page, editor)).ToContainTextAsync("editor");

        await page.GetByRole(AriaRole.Button, new() { Name = "Leave" }).ClickAsync();
        await Expect(page.Locator("#leave-error")).ToHaveTextAsync(LastOwnerSentence);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Members of Kept together" })).ToBeVisibleAsync();

        await page.GetByLabel($"Role for {owner}").SelectOptionAsync("viewer");
        await MemberRow(page, owner).GetByRole(AriaRole.Button, new() { Name = $"Change role of {owner}" }).ClickAsync();
        await Expect(page.Locator("#member-error")).ToHaveTextAsync("The last owner cannot be demoted; make another member an owner first.");

        var members = await GetArrayAsync(ownerToken, $"accounts/{accountId}/members");
        Assert.Equal(2, members.Length);
        Assert.Equal("owner", members.Single(m => m.GetProperty("username").GetString() == owner).GetProperty("role").GetString());
        var accounts = await GetArrayAsync(ownerToken, "accounts");
        Assert.Contains(accounts, a => a.GetProperty("account_id").GetString() == accountId && a.GetProperty("role").GetString() == "owner");
    }

    [SkippableFact]
    public async Task AWithdrawnInvitation_LeavesTheInviteesScreen_AndADeclinedOneJoinsNothing()
    {
        var (owner, ownerToken) = await fixture.SignUpAsync();
        var (invitee, inviteeToken) = await fixture.SignUpAsync();
        var (accountId, _) = await fixture.OpenAccountAsync(ownerToken, "Maybe shared", 0m, canGoNegative: true);
        var ownerPage = await fixture.NewPageAsync();
        await ownerPage.LogInAsync(owner);
        await ownerPage.GotoAsync($"/app/accounts/{accountId}/members");
        await ownerPage.GetByLabel("Username").FillAsync(invitee);
        await ownerPage.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        var pending = ownerPage.Locator($".invitations li[data-invitation='{invitee}']");
        await Expect(pending).ToContainTextAsync("as editor"); // the form's default role
        Assert.Single(await GetArrayAsync(inviteeToken, "users/me/invitations"));

        await pending.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).ClickAsync();
        await Expect(pending).ToHaveCountAsync(0);
        Assert.Empty(await GetArrayAsync(inviteeToken, "users/me/invitations"));

        await ownerPage.GetByLabel("Username").FillAsync(invitee);
        await ownerPage.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("viewer");
        await ownerPage.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        await Expect(pending).ToContainTextAsync("as viewer");
        await ownerPage.GetByLabel("Username").FillAsync(invitee);
        await ownerPage.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        await Expect(ownerPage.Locator("#invite-error")).ToContainTextAsync("already has a pending invitation"); // the API's sentence

        var page = await fixture.NewPageAsync();
        await page.LogInAsync(invitee);
        var invitation = page.Locator(".invitations li[data-invitation='Maybe shared']");
        await Expect(invitation).ToContainTextAsync("as viewer");
        await invitation.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Expect(invitation).ToHaveCountAsync(0);
        await Expect(AccountLine(page, accountId)).ToHaveCountAsync(0);
        Assert.Empty(await GetArrayAsync(inviteeToken, "users/me/invitations"));
        Assert.DoesNotContain(await GetArrayAsync(inviteeToken, "accounts"), a => a.GetProperty("account_id").GetString() == accountId);
        await Expect(pending).ToHaveCountAsync(0, new() { Timeout = 5_000 }); // the owner's screen follows the account
    }

    private static ILocator AccountLine(IPage page, string accountId) => page.Locator($".accounts li[data-account='{accountId}']");

    private static ILocator MemberRow(IPage page, string username) => page.Locator($"table.members tr[data-member='{username}']");

    /// <summary>Invites a user through the API and accepts as them: a member the test's subject is not the joining of.</summary>
    private async Task JoinAsync(string ownerToken, string accountId, string username, string token, string role)
    {
        using var owner = fixture.NewClient(ownerToken);
        using var invited = await owner.PostAsJsonAsync($"accounts/{accountId}/invitations", new { username, role });
        invited.EnsureSuccessStatusCode();
        var invitationId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitation_id").GetString();
        using var invitee = fixture.NewClient(token);
        using var accepted = await invitee.PostAsync($"invitations/{invitationId}/accept", null);
        accepted.EnsureSuccessStatusCode();
    }

    private async Task<JsonElement[]> GetArrayAsync(string token, string path)
    {
        using var client = fixture.NewClient(token);
        return [.. (await client.GetFromJsonAsync<JsonElement>(path)).EnumerateArray()];
    }
}
