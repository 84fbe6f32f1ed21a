using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NVelopes.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NVelopes.Web.Tests;

/// <summary>
/// Every main screen checked by axe-core for WCAG 2 A and AA (contrast of text included, labels, names of
/// controls) at desktop and phone width, and reachable by the keyboard with a visible focus.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(WebAppFixture fixture)
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [SkippableTheory]
    [InlineData(1200, 900)]
    [InlineData(390, 844)]
    public async Task MainScreens_HaveNoWcagAaViolations(int width, int height)
    {
        var (username, token) = await fixture.SignUpAsync();
        var (accountId, ids) = await fixture.OpenAccountAsync(token, "Checked", 100m, canGoNegative: true, "Food", "Rent");
        await fixture.DepositAsync(token, accountId, ids[0], 12.5m, "market");
        using (var client = fixture.NewClient(token))
        {
            using var debit = await client.PostAsync("accounts/debit", System.Net.Http.Json.JsonContent.Create(
                new { account_id = accountId, envelope_id = ids[1], description = "overdrawn on purpose", amount = 30m }));
            debit.EnsureSuccessStatusCode();
        }
        var page = await fixture.NewPageAsync(width, height);

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page, "login");
        await page.GotoAsync("/app/signup");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign up" })).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page, "sign-up");
        await page.LogInAsync(username);
        await AssertNoViolationsAsync(page, "accounts");
        await page.OpenAccountPageAsync(accountId, "Checked");
        await AssertNoViolationsAsync(page, "account");
        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await Expect(page.Locator("table.history tbody tr")).ToHaveCountAsync(3);
        await AssertNoViolationsAsync(page, "history", hasFields: false);
        await page.GetByRole(AriaRole.Link, new() { Name = "Spending" }).ClickAsync();
        await Expect(page.Locator("table.report tbody tr")).ToHaveCountAsync(2); // Food in, Rent out
        await AssertNoViolationsAsync(page, "spending", hasFields: false);
        await page.GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        await Expect(page.Locator("table.members tbody tr")).ToHaveCountAsync(1); // the owner, who may invite
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true })).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page, "members");

        await fixture.AddScheduleAsync(token, accountId, new
        {
            kind = "debit", rule = "FREQ=MONTHLY;BYMONTHDAY=1", starts = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd"), time_zone = "UTC",
            description = "rent", envelope_id = ids[1], amount = 30m,
        });
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedules" }).ClickAsync();
        await Expect(page.Locator(".schedules ol.next li")).ToHaveCountAsync(5);
        await AssertNoViolationsAsync(page, "schedules");
        await AssertFitsAsync(page, width, "schedules");
        if (width < 600) await page.ScreenshotAsync("phone-schedules");

        await page.GetByRole(AriaRole.Link, new() { Name = "Import" }).ClickAsync();
        var statement = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(statement, "Date,Amount,Description\n2024-01-01,5.00,refund\n2024-01-02,abc,unreadable\n");
        try
        {
            await page.GetByLabel("Statement file").SetInputFilesAsync(statement);
            await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
            await Expect(page.Locator("table.import-refused tbody tr")).ToHaveCountAsync(1); // the check with a line of each table
        }
        finally
        {
            File.Delete(statement); // once the browser has read it
        }
        await AssertNoViolationsAsync(page, "import");
        await AssertFitsAsync(page, width, "import");
        if (width < 600) await page.ScreenshotAsync("phone-import");
    }

    [SkippableFact]
    public async Task TheLoginForm_IsUsedWithTheKeyboardAlone_WithAVisibleFocus()
    {
        var (username, _) = await fixture.SignUpAsync();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();

        var field = page.GetByLabel("Username");
        await field.FocusAsync();
        var outline = await field.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth");
        Assert.Equal("solid 3px", outline);
        await page.Keyboard.TypeAsync(username);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Password")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(WebAppFixture.Password);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log in" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your accounts" })).ToBeVisibleAsync();
    }

    /// <summary>No horizontal scrolling: the screen fits the window's width.</summary>
    private static async Task AssertFitsAsync(IPage page, int width, string screen)
    {
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{screen}: the page is {scrollWidth} px wide at {width} px");
    }

    private static async Task AssertNoViolationsAsync(IPage page, string screen, bool hasFields = true)
    {
        var results = await page.RunAxe(WcagAa);
        var violations = results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}");
        Assert.True(results.Violations.Length == 0, $"{screen}: {string.Join("; ", violations)}");
        var passed = results.Passes.Select(rule => rule.Id).ToHashSet();
        var undecided = string.Join(", ", results.Incomplete.Select(rule => rule.Id));
        // axe ran, and checked the text's contrast and the labels
        Assert.True(passed.Contains("color-contrast") && (!hasFields || passed.Contains("label")),
            $"{screen}: passed {string.Join(", ", passed)}; undecided {undecided}");
    }
}
