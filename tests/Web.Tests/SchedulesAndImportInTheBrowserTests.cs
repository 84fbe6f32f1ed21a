using System.Globalization;
using Microsoft.Playwright;
using NVelopes.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NVelopes.Web.Tests;

/// <summary>
/// Schedules, statement import and export through the screens, in a real Chromium against the real gateway: what the
/// screens show is checked against what the API holds afterwards.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SchedulesAndImportInTheBrowserTests(WebAppFixture fixture)
{
    [SkippableFact]
    public async Task AMonthlyDebit_AddedInTheBrowser_IsAppliedAtOnce_ListsItsNextOccurrences_AndIsEditedAndDeleted()
    {
        var (username, token) = await fixture.SignUpAsync();
        var (accountId, ids) = await fixture.OpenAccountAsync(token, "Planned", 1000m, canGoNegative: true, "Rent", "Savings");
        var savings = ids[1];
        // A fill every two weeks from tomorrow, added through the API: the list says its rule in words.
        await fixture.AddScheduleAsync(token, accountId, new
        {
            kind = "fill", rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", starts = Day(Today().AddDays(1)), time_zone = "UTC",
            description = "put aside", fills = new[] { new { envelope_id = savings, amount = 25m } },
        });
        var page = await fixture.NewPageAsync();
        await page.LogInAsync(username);
        await page.OpenAccountPageAsync(accountId, "Planned");
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedules" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Schedules of Planned" })).ToBeVisibleAsync();
        var cards = page.Locator(".schedules li.card");
        await Expect(cards).ToHaveCountAsync(1);
        await Expect(cards.First).ToContainTextAsync("Fill Savings 25.00 from Available (put aside)");
        await Expect(cards.First).ToContainTextAsync("Every two weeks on Friday");

        // A rule the service refuses: its sentence, next to the form, and nothing added.
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Add schedule" });
        await form.GetByLabel("Kind").SelectOptionAsync("debit");
        await form.GetByLabel("Repeats").SelectOptionAsync(new SelectOptionValue { Label = "Advanced (RRULE)" });
        await form.GetByLabel("RRULE").FillAsync("FREQ=HOURLY");
        await form.GetByLabel("Envelope").SelectOptionAsync(new SelectOptionValue { Label = "Rent" });
        await form.GetByLabel("Amount").FillAsync("45");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add schedule" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("repeats more often than daily");
        Assert.Single(await fixture.SchedulesAsync(token, accountId));

        // Ten days ago (on a day every month has), so exactly one occurrence is already due.
        var starts = Today().AddDays(-10);
        if (starts.Day > 28) starts = new DateOnly(starts.Year, starts.Month, 28);
        await form.GetByLabel("Repeats").SelectOptionAsync(new SelectOptionValue { Label = "Every month on day N" });
        await form.GetByLabel("Day of the month").FillAsync(starts.Day.ToString(CultureInfo.InvariantCulture));
        await form.GetByLabel("Starts").FillAsync(Day(starts));
        await Expect(form.GetByLabel("Time zone")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^(UTC|[A-Za-z_]+/[A-Za-z_/+-]+)$"));
        await form.GetByLabel("Time zone").FillAsync("UTC");
        await form.GetByLabel("Weekends").SelectOptionAsync("keep");
        await form.GetByLabel("Description").FillAsync("rent");
        await form.GetByLabel("Amount").PressAsync("Enter"); // the form submits on Enter

        await Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync("Schedule added. 1 occurrence applied.");
        await Expect(cards).ToHaveCountAsync(2);
        var rent = cards.Filter(new() { HasText = "Debit 45.00 from Rent (rent)" });
        await Expect(rent).ToContainTextAsync($"Every month on day {starts.Day}");
        var schedule = (await fixture.SchedulesAsync(token, accountId)).Single(s => s.GetProperty("kind").GetString() == "debit");
        var next = schedule.GetProperty("next").EnumerateArray().Select(o => o.GetProperty("date").GetString()!).ToArray();
        Assert.Equal(5, next.Length);
        Assert.Equal(Day(starts.AddMonths(1)), next[0]);
        var listed = rent.Locator("ol.next time");
        await Expect(listed).ToHaveCountAsync(5);
        Assert.Equal(next, await listed.EvaluateAllAsync<string[]>("times => times.map(t => t.getAttribute('datetime'))"));
        await Expect(listed.First).ToHaveTextAsync(starts.AddMonths(1).ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture)); // en-US's long date
        await page.ScreenshotAsync("desktop-schedules");

        // The occurrence is a transaction dated its day, in the balance and the history.
        var debits = (await fixture.HistoryAsync(token, accountId)).Where(t => t.GetProperty("op").GetString() == "DEBIT").ToArray();
        var applied = Assert.Single(debits);
        Assert.Equal(-45m, applied.GetProperty("amount").GetDecimal());
        Assert.Equal(starts, DateOnly.FromDateTime(applied.GetProperty("date").GetDateTime().ToUniversalTime()));
        await page.GetByRole(AriaRole.Link, new() { Name = "Envelopes" }).ClickAsync();
        await Expect(page.Envelope("Rent")).ToContainTextAsync("-45.00");
        await Expect(page.GetByText("Account balance 955.00")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await Expect(page.Locator("table.history tbody tr").First).ToContainTextAsync("Debit 45.00 from Rent (rent)");

        // Edit: the same form, filled in with the schedule's terms; saving applies nothing again.
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedules" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit schedule Debit 45.00 from Rent (rent)" }).ClickAsync();
        var edit = page.GetByRole(AriaRole.Form, new() { Name = "Edit schedule Debit 45.00 from Rent (rent)" });
        await Expect(edit.GetByLabel("Kind")).ToHaveValueAsync("debit");
        await Expect(edit.GetByLabel("Repeats")).ToHaveValueAsync("monthly");
        await Expect(edit.GetByLabel("Day of the month")).ToHaveValueAsync(starts.Day.ToString(CultureInfo.InvariantCulture));
        await Expect(edit.GetByLabel("Starts")).ToHaveValueAsync(Day(starts));
        await Expect(edit.GetByLabel("Amount")).ToHaveValueAsync("45.00");
        await edit.GetByLabel("Amount").FillAsync("50");
        await edit.GetByLabel("Description").FillAsync("rent, new terms");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save schedule" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync("Schedule saved. 0 occurrences applied.");
        await Expect(cards.Filter(new() { HasText = "Debit 50.00 from Rent (rent, new terms)" })).ToHaveCountAsync(1);
        var changed = (await fixture.SchedulesAsync(token, accountId)).Single(s => s.GetProperty("kind").GetString() == "debit");
        Assert.Equal(50m, changed.GetProperty("amount").GetDecimal());
        Assert.Single(await fixture.HistoryAsync(token, accountId), t => t.GetProperty("op").GetString() == "DEBIT");

        // The fill's form shows its rule as the choice it is, and its amounts per envelope.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit schedule Fill Savings 25.00 from Available (put aside)" }).ClickAsync();
        var fill = page.GetByRole(AriaRole.Form, new() { Name = "Edit schedule Fill Savings 25.00 from Available (put aside)" });
        await Expect(fill.GetByLabel("Repeats")).ToHaveValueAsync("two-weeks");
        await Expect(fill.GetByLabel("Day", new() { Exact = true })).ToHaveValueAsync("FR");
        await Expect(fill.GetByLabel("Savings")).ToHaveValueAsync("25.00");
        await fill.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete schedule Debit 50.00 from Rent (rent, new terms)" }).ClickAsync();
        await Expect(cards).ToHaveCountAsync(1);
        await Expect(cards.First).ToContainTextAsync("Fill Savings 25.00");
        Assert.DoesNotContain(await fixture.SchedulesAsync(token, accountId), s => s.GetProperty("kind").GetString() == "debit");
        Assert.Equal(955m, (await fixture.AccountAsync(token, accountId)).GetProperty("balance").GetDecimal());
    }

    [SkippableFact]
    public async Task TheTimeZone_IsTheBrowsersOwnByDefault()
    {
        var (username, token) = await fixture.SignUpAsync();
        var (accountId, _) = await fixture.OpenAccountAsync(token, "Abroad", 10m, canGoNegative: true);
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(), Locale = "en-US", TimezoneId = "Pacific/Auckland",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.LogInAsync(username);
        await page.GotoAsync($"/app/accounts/{accountId}/schedules");

        await Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("Pacific/Auckland");
    }

    [SkippableFact]
    public async Task AStatement_IsCheckedFirst_ImportedOnConfirmation_ThenOnlyDuplicates_AndTheHistoryExportsAsCsv()
    {
        var (username, token) = await fixture.SignUpAsync();
        var (accountId, _) = await fixture.OpenAccountAsync(token, "Bank", 100m, canGoNegative: true, "Groceries");
        var statement = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(statement,
            "Date,Amount,Description\n2024-03-01,-12.34,TESCO STORES 2231\n2024-03-02,1500.00,ACME PAYROLL\n2024-03-04,-40.00,CITY ENERGY\n");
        try
        {
            var page = await fixture.NewPageAsync();
            await page.LogInAsync(username);
            await page.OpenAccountPageAsync(accountId, "Bank");
            await page.GetByRole(AriaRole.Link, new() { Name = "Import" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import into Bank" })).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Envelope")).ToHaveValueAsync("0"); // Available
            await page.GetByLabel("Statement file").SetInputFilesAsync(statement);

            await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
            await Expect(page.GetByTestId("import-summary"))
                .ToHaveTextAsync("3 lines would be imported into Available (1,447.66 in all); 0 duplicates skipped; 0 refused.");
            var wouldImport = page.Locator("table[data-lines='Would be imported'] tbody tr");
            await Expect(wouldImport).ToHaveCountAsync(3);
            await Expect(wouldImport.Nth(0)).ToContainTextAsync("TESCO STORES 2231");
            await Expect(wouldImport.Nth(0)).ToContainTextAsync("-12.34");
            await Expect(wouldImport.Nth(0).Locator("time")).ToHaveAttributeAsync("datetime", "2024-03-01");
            await Expect(wouldImport.Nth(1)).ToContainTextAsync("ACME PAYROLL");
            await Expect(wouldImport.Nth(2)).ToContainTextAsync("CITY ENERGY");
            await page.ScreenshotAsync("desktop-import");
            // The check changed nothing.
            Assert.Equal(100m, (await fixture.AccountAsync(token, accountId)).GetProperty("balance").GetDecimal());
            Assert.Single(await fixture.HistoryAsync(token, accountId));

            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("import-result"))
                .ToHaveTextAsync("3 lines imported into Available (1,447.66 in all); 0 duplicates skipped; 0 refused.");
            Assert.Equal(1547.66m, (await fixture.AccountAsync(token, accountId)).GetProperty("balance").GetDecimal());
            Assert.Equal(4, (await fixture.HistoryAsync(token, accountId)).Length);

            // The same file again: every line a duplicate, and importing it changes nothing.
            await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
            await Expect(page.GetByTestId("import-summary"))
                .ToHaveTextAsync("0 lines would be imported into Available (0.00 in all); 3 duplicates skipped; 0 refused.");
            await Expect(page.Locator("table[data-lines='Would be imported']")).ToHaveCountAsync(0);
            await Expect(page.Locator("table[data-lines^='Duplicates'] tbody tr")).ToHaveCountAsync(3);
            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("import-result"))
                .ToHaveTextAsync("0 lines imported into Available (0.00 in all); 3 duplicates skipped; 0 refused.");
            Assert.Equal(4, (await fixture.HistoryAsync(token, accountId)).Length);

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export" }).ClickAsync());
            Assert.Equal($"nvelopes-{accountId}.csv", download.SuggestedFilename);
            var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
            Assert.StartsWith("id,date,kind,envelope_id,envelope", csv);
            foreach (var description in new[] { "TESCO STORES 2231", "ACME PAYROLL", "CITY ENERGY" }) Assert.Contains(description, csv);
            Assert.Equal(5, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // the header, the opening and three lines

            await page.GetByRole(AriaRole.Link, new() { Name = "Envelopes" }).ClickAsync();
            await Expect(page.Available()).ToHaveTextAsync("1,547.66");
        }
        finally
        {
            File.Delete(statement);
        }
    }

    [SkippableFact]
    public async Task AStatementWithARefusedLine_ShowsItsLineAndReason_AndImportsNothing()
    {
        var (username, token) = await fixture.SignUpAsync();
        var (accountId, ids) = await fixture.OpenAccountAsync(token, "Strict", 50m, canGoNegative: true, "Groceries");
        var statement = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(statement, "Date,Amount,Description\n2024-01-01,5.00,in\n2024-01-02,abc,broken\n");
        try
        {
            var page = await fixture.NewPageAsync();
            await page.LogInAsync(username);
            await page.GotoAsync($"/app/accounts/{accountId}/import");
            await page.GetByLabel("Statement file").SetInputFilesAsync(statement);
            await page.GetByLabel("Envelope").SelectOptionAsync(new SelectOptionValue { Label = "Groceries" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();

            await Expect(page.GetByTestId("import-summary")).ToContainTextAsync("1 line would be imported into Groceries");
            var refused = page.Locator("table.import-refused tbody tr");
            await Expect(refused).ToHaveCountAsync(1);
            await Expect(refused.First.Locator("td").First).ToHaveTextAsync("3");
            await Expect(refused.First).ToContainTextAsync("'abc' is not an amount");

            await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await Expect(page.Locator(".import-preview").GetByRole(AriaRole.Alert)).ToContainTextAsync("Line 3: 'abc' is not an amount");
            Assert.Single(await fixture.HistoryAsync(token, accountId));
            Assert.Equal(0m, (await fixture.AccountAsync(token, accountId)).GetProperty("envelopes").EnumerateArray()
                .Single(e => e.GetProperty("id").GetInt32() == ids[0]).GetProperty("balance").GetDecimal());
        }
        finally
        {
            File.Delete(statement);
        }
    }

    private static DateOnly Today() => DateOnly.FromDateTime(DateTime.Now);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
