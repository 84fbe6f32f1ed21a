using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NVelopes.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NVelopes.Web.Tests;

/// <summary>
/// A person budgeting in a real Chromium against the real gateway: every step goes through the screens, by their
/// labels, and what the screens show is checked against what the person did.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BudgetingInTheBrowserTests(WebAppFixture fixture)
{
    [SkippableFact]
    public async Task APerson_SignsUpOpensAnAccountAndBudgets_AndEveryScreenShowsIt()
    {
        var page = await fixture.NewPageAsync();
        var username = "web" + Guid.NewGuid().ToString("N")[..12];

        await page.GotoAsync("/");
        await page.ScreenshotAsync("desktop-login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign up" }).ClickAsync();
        await page.GetByLabel("Full name").FillAsync("Ada Budget");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Email").FillAsync(username + "@example.com");
        await page.GetByLabel("Password").FillAsync(WebAppFixture.Password);
        await page.GetByLabel("Password").PressAsync("Enter"); // forms submit on Enter
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your accounts" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('nvelopes.token')"));
        await page.LogInAsync(username);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Household");
        await page.GetByLabel("Opening balance").FillAsync("1000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Household" })).ToBeVisibleAsync();
        await Expect(page.Available()).ToHaveTextAsync("1,000.00");

        foreach (var name in new[] { "Groceries", "Rent" })
        {
            await page.GetByLabel("Envelope name").FillAsync(name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add envelope" }).ClickAsync();
            await Expect(page.Envelope(name)).ToContainTextAsync("0.00");
        }

        await page.RecordAsync("Deposit", "Groceries", "50,5", "market"); // a comma as the decimal mark
        await Expect(page.Envelope("Groceries")).ToContainTextAsync("50.50");

        var move = await page.MoneyFormAsync("Move");
        await move.GetByLabel("From").SelectOptionAsync(new SelectOptionValue { Label = "Available" });
        await move.GetByLabel("To").SelectOptionAsync(new SelectOptionValue { Label = "Rent" });
        await move.GetByLabel("Amount").FillAsync("300.25");
        await move.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        await Expect(page.Envelope("Rent")).ToContainTextAsync("300.25");
        await Expect(page.Available()).ToHaveTextAsync("699.75");

        var source = page.GetByRole(AriaRole.Form, new() { Name = "Add payment source" });
        await source.GetByLabel("Payer").FillAsync("ACME");
        await source.GetByLabel("Amount").FillAsync("2000");
        await source.GetByLabel("Groceries").FillAsync("400");
        await source.GetByLabel("Rent").FillAsync("900");
        await source.GetByRole(AriaRole.Button, new() { Name = "Add payment source" }).ClickAsync();
        await Expect(page.Locator(".sources")).ToContainTextAsync("ACME");

        var pay = await page.MoneyFormAsync("Pay");
        await pay.GetByLabel("Payment source").SelectOptionAsync(new SelectOptionValue { Label = "ACME" });
        await Expect(pay.GetByLabel("Amount")).ToHaveValueAsync("2,000.00");
        await Expect(pay.GetByLabel("Groceries")).ToHaveValueAsync("400.00"); // the stored split, shown
        await pay.GetByLabel("Groceries").FillAsync("500"); // and changed for this pay only
        await pay.GetByLabel("Description").FillAsync("pay day");
        await pay.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();
        await Expect(page.Envelope("Groceries")).ToContainTextAsync("550.50");
        await Expect(page.Envelope("Rent")).ToContainTextAsync("1,200.25");
        await Expect(page.Available()).ToHaveTextAsync("1,299.75");
        await page.ScreenshotAsync("desktop-account");

        // Enough history for two pages of ten: 4 transactions so far, 8 more.
        var token = await fixture.LogInTokenAsync(username);
        var accountId = page.Url.Split('/').Last();
        var history = await fixture.HistoryAsync(token, accountId);
        var groceries = history.Single(t => t.GetProperty("op").GetString() == "DEPOSIT" && t.GetProperty("tx_id").GetInt64() > 0)
            .GetProperty("envelope_id_src").GetInt32();
        for (var i = 1; i <= 8; i++) await fixture.DepositAsync(token, accountId, groceries, 1m, $"extra {i}");

        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        var rows = page.Locator("table.history tbody tr");
        await Expect(rows).ToHaveCountAsync(10); // transactions 11 to 2, newest first
        await Expect(rows.First).ToContainTextAsync("extra 8");
        await Expect(rows.Last).ToContainTextAsync("Move 300.25 Available to Rent");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Newer" })).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Older" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToContainTextAsync("Deposit 50.50 to Groceries (market)");
        await Expect(rows.Last).ToContainTextAsync("Account Opened");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Older" })).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Newer" }).ClickAsync();
        await Expect(rows.First).ToContainTextAsync("extra 8");
        await page.ScreenshotAsync("desktop-history");

        await Expect(page.Locator("#undo-what")).ToHaveTextAsync("Undo will undo: Deposit 1.00 to Groceries (extra 8)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(page.Locator("#undo-what")).ToHaveTextAsync("Undo will undo: Deposit 1.00 to Groceries (extra 7)");
        await Expect(page.Locator("#redo-what")).ToHaveTextAsync("Redo will redo: Deposit 1.00 to Groceries (extra 8)");
        await Expect(rows.First).ToContainTextAsync("extra 7");
        var afterUndo = await fixture.HistoryAsync(token, accountId);
        Assert.Equal(11, afterUndo.Length);
        Assert.DoesNotContain(afterUndo, t => t.GetProperty("description").GetString() == "extra 8");

        await page.GetByRole(AriaRole.Button, new() { Name = "Redo" }).ClickAsync();
        await Expect(rows.First).ToContainTextAsync("extra 8");
        Assert.Equal(12, (await fixture.HistoryAsync(token, accountId)).Length);
    }

    [SkippableFact]
    public async Task ADepositInOneBrowser_AppearsLiveInAnother()
    {
        var (username, token) = await fixture.SignUpAsync();
        var (accountId, _) = await fixture.OpenAccountAsync(token, "Shared", 100m, canGoNegative: true, "Fun");
        var first = await fixture.NewPageAsync();
        var second = await fixture.NewPageAsync(); // another browser profile: another device
        await first.LogInAsync(username);
        await second.LogInAsync(username);
        await first.OpenAccountPageAsync(accountId, "Shared");
        await second.OpenAccountPageAsync(accountId, "Shared");

        await first.RecordAsync("Deposit", "Fun", "25", "from the other tab");
        await Expect(first.Envelope("Fun")).ToContainTextAsync("25.00");

        // No reload in the second browser: the account's event feed brings the deposit.
        await Expect(second.Envelope("Fun")).ToContainTextAsync("25.00", new() { Timeout = 3_000 });
        await Expect(second.GetByText("Account balance 125.00")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task AReload_KeepsTheSession()
    {
        var (username, token) = await fixture.SignUpAsync();
        var (accountId, _) = await fixture.OpenAccountAsync(token, "Kept", 10m, canGoNegative: true);
        var page = await fixture.NewPageAsync();
        await page.LogInAsync(username);
        await page.OpenAccountPageAsync(accountId, "Kept");

        await page.ReloadAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kept" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        var stored = await page.EvaluateAsync<string>("JSON.stringify(Object.assign({}, localStorage))");
        Assert.DoesNotContain(WebAppFixture.Password, stored);
    }

    [SkippableFact]
    public async Task AnOverdraw_ShowsTheServicesSentence_NextToTheFormAndChangesNothing()
    {
        var (username, token) = await fixture.SignUpAsync();
        var (accountId, _) = await fixture.OpenAccountAsync(token, "Careful", 20m, canGoNegative: false, "Shopping");
        var page = await fixture.NewPageAsync();
        await page.LogInAsync(username);
        await page.OpenAccountPageAsync(accountId, "Careful");

        var move = await page.MoneyFormAsync("Move");
        await move.GetByLabel("From").SelectOptionAsync(new SelectOptionValue { Label = "Shopping" });
        await move.GetByLabel("To").SelectOptionAsync(new SelectOptionValue { Label = "Available" });
        await move.GetByLabel("Amount").FillAsync("10");
        await move.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();

        await Expect(move.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Not enough money in 'Shopping' envelope");

        await page.RecordAsync("Debit", "Shopping", "10", "shoes");
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "Debit" }).GetByRole(AriaRole.Alert))
            .ToHaveTextAsync("Cannot debit more than is available in 'Shopping' when account is not allowed to go negative");
        await Expect(page.Envelope("Shopping")).ToContainTextAsync("0.00");
        Assert.Single(await fixture.HistoryAsync(token, accountId)); // the opening only
    }

    [SkippableFact]
    public async Task ADoubleClick_PostsOnce()
    {
        var (username, token) = await fixture.SignUpAsync();
        var (accountId, _) = await fixture.OpenAccountAsync(token, "Twice", 0m, canGoNegative: true, "Savings");
        var page = await fixture.NewPageAsync();
        await page.LogInAsync(username);
        await page.OpenAccountPageAsync(accountId, "Twice");
        var form = await page.MoneyFormAsync("Deposit");
        await form.GetByLabel("Envelope").SelectOptionAsync(new SelectOptionValue { Label = "Savings" });
        await form.GetByLabel("Amount").FillAsync("5");

        await form.GetByRole(AriaRole.Button, new() { Name = "Deposit" }).DblClickAsync();

        await Expect(page.Envelope("Savings")).ToContainTextAsync("5.00");
        await Task.Delay(500); // a second post, if there were one, would have landed by now
        var deposits = (await fixture.HistoryAsync(token, accountId)).Count(t => t.GetProperty("op").GetString() == "DEPOSIT");
        Assert.Equal(2, deposits); // the opening and one deposit
    }

    [SkippableFact]
    public async Task APhone_ShowsEveryEnvelopeWithoutHorizontalScrolling()
    {
        var (username, token) = await fixture.SignUpAsync();
        string[] envelopes = ["Groceries", "Rent", "Transport", "Holidays and long trips", "Gifts", "Emergency fund"];
        var (accountId, ids) = await fixture.OpenAccountAsync(token, "Pocket", 1234.5m, canGoNegative: true, envelopes);
        await fixture.DepositAsync(token, accountId, ids[0], 321.09m, "market");
        using (var client = fixture.NewClient(token))
        {
            using var debit = await client.PostAsync("accounts/debit", System.Net.Http.Json.JsonContent.Create(
                new { account_id = accountId, envelope_id = ids[2], description = "bus pass", amount = 45m }));
            debit.EnsureSuccessStatusCode();
        }
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await page.LogInAsync(username);
        await page.ScreenshotAsync("phone-accounts");
        await page.OpenAccountPageAsync(accountId, "Pocket");
        await Expect(page.Envelope("Transport")).ToContainTextAsync("-45.00");
        await Expect(page.Envelope("Transport")).ToHaveClassAsync(new Regex("negative"));

        foreach (var name in envelopes)
        {
            var box = await page.Envelope(name).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"{name} is at x {box.X}, width {box.Width}");
        }
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"the page is {scrollWidth} px wide at 390 px");
        await page.ScreenshotAsync("phone-account");

        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await Expect(page.Locator("table.history tbody tr")).ToHaveCountAsync(3);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        await page.ScreenshotAsync("phone-history");
    }
}
