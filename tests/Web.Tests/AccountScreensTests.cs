using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using NVelopes.TestSupport;
using NVelopes.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NVelopes.Web.Tests;

/// <summary>The account's other screens and what keeps them current: rename, payment sources, the report, the feed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountScreensTests(WebAppFixture fixture)
{
    [SkippableFact]
    public async Task AnEnvelope_IsRenamedInPlace_WithTheKeyboard()
    {
        var (username, token) = await fixture.SignUpAsync();
        var (accountId, _) = await fixture.OpenAccountAsync(token, "Names", 0m, canGoNegative: true, "Food");
        var page = await fixture.NewPageAsync();
        await page.LogInAsync(username);
        await page.OpenAccountPageAsync(accountId, "Names");

        await page.GetByRole(AriaRole.Button, new() { Name = "Rename Food" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var name = page.GetByLabel("New name");
        await Expect(name).ToHaveValueAsync("Food");
        await name.FillAsync("Groceries");
        await name.PressAsync("Enter");

        await Expect(page.Envelope("Groceries")).ToBeVisibleAsync();
        await Expect(page.Envelope("Food")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task APaymentSource_IsEdited_AndItsNewSplitIsShown()
    {
        var (username, token) = await fixture.SignUpAsync();
        var (accountId, ids) = await fixture.OpenAccountAsync(token, "Sources", 0m, canGoNegative: true, "Rent", "Food");
        using (var client = fixture.NewClient(token))
        {
            using var added = await client.PostAsJsonAsync("accounts/payers/add", new
            {
                account_id = accountId, payer = "ACME", amount = 1000m, payments = new[] { new { envelope_id = ids[0], amount = 600m } },
            });
            added.EnsureSuccessStatusCode();
        }
        var page = await fixture.NewPageAsync();
        await page.LogInAsync(username);
        await page.OpenAccountPageAsync(accountId, "Sources");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit ACME" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Edit payment source ACME" });
        await Expect(form.GetByLabel("Rent")).ToHaveValueAsync("600.00");
        await form.GetByLabel("Amount").FillAsync("1200");
        await form.GetByLabel("Food").FillAsync("250,00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save payment source" }).ClickAsync();

        await Expect(page.Locator(".sources")).ToContainTextAsync("ACME 1,200.00: Rent 600.00, Food 250.00");
    }

    [SkippableFact]
    public async Task TheSpendingReport_ShowsTheMonthsMoneyInAndOut_AsAChartAndATable()
    {
        var (username, token) = await fixture.SignUpAsync();
        var (accountId, ids) = await fixture.OpenAccountAsync(token, "Report", 500m, canGoNegative: true, "Food", "Rent");
        await fixture.DepositAsync(token, accountId, ids[0], 40m, "market");
        using (var client = fixture.NewClient(token))
        {
            using var debit = await client.PostAsJsonAsync("accounts/debit", new { account_id = accountId, envelope_id = ids[0], description = "shop", amount = 15.5m });
            debit.EnsureSuccessStatusCode();
            using var move = await client.PostAsJsonAsync("accounts/movemoney", new { account_id = accountId, from_id = 0, to_id = ids[1], description = "rent", amount = 300m });
            move.EnsureSuccessStatusCode();
        }
        var thisMonth = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        foreach (var (width, height, name) in new[] { (1200, 900, "desktop-spending"), (390, 844, "phone-spending") })
        {
            var page = await fixture.NewPageAsync(width, height);
            await page.LogInAsync(username);
            await page.OpenAccountPageAsync(accountId, "Report");
            await page.GetByRole(AriaRole.Link, new() { Name = "Spending" }).ClickAsync();

            var rows = page.Locator("table.report tbody tr");
            await Expect(rows).ToHaveCountAsync(3);
            await Expect(rows.Nth(0)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^{thisMonth}\\s*Available\\s*0\\.00\\s*300\\.00$"));
            await Expect(rows.Nth(1)).ToContainTextAsync("Food");
            await Expect(rows.Nth(1)).ToContainTextAsync("40.00");
            await Expect(rows.Nth(1)).ToContainTextAsync("15.50");
            await Expect(page.Locator("figure.chart svg rect.in")).ToHaveCountAsync(12); // the last 12 months
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width);
            await page.ScreenshotAsync(name);
        }
    }

    [SkippableFact]
    public async Task AFeedThatDropped_ResumesAndBringsWhatHappenedMeanwhile()
    {
        var (username, token) = await fixture.SignUpAsync();
        var (accountId, ids) = await fixture.OpenAccountAsync(token, "Offline", 0m, canGoNegative: true, "Bills");
        // The browser reaches the gateway through a proxy that the test cuts: its open stream drops.
        await using var network = new TcpProxy(fixture.BaseAddress.Host, fixture.BaseAddress.Port);
        var page = await fixture.NewPageAsync(through: new Uri($"http://127.0.0.1:{network.Port}/"));
        await page.LogInAsync(username);
        await page.OpenAccountPageAsync(accountId, "Offline");

        network.Cut();
        await Expect(page.GetByText("Reconnecting…")).ToBeVisibleAsync();
        await fixture.DepositAsync(token, accountId, ids[0], 10m, "while away 1");
        await fixture.DepositAsync(token, accountId, ids[0], 5.25m, "while away 2");
        network.Restore();

        await Expect(page.GetByText("Live", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Envelope("Bills")).ToContainTextAsync("15.25");
        await fixture.DepositAsync(token, accountId, ids[0], 1m, "after");
        await Expect(page.Envelope("Bills")).ToContainTextAsync("16.25");
    }
}
