using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary><c>GET /accounts/{id}/report</c>: money in and out per month and envelope, from the stored history.</summary>
[Collection(ApiCollection.Name)]
public sealed class SpendingReportTests(ApiFixture fixture)
{
    private static readonly DateTime ThisMonth = new(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);
    private static string Month(DateTime month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Report_CountsEachTransactionOfTheMonthByEnvelope_AndLeavesOutTheOpeningAndUndone()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(500m, "Rent", "Food");
        (await user.DepositAsync(accountId, 2, 40.10m)).EnsureSuccessStatusCode();
        (await user.Client.PostJsonAsync("/accounts/movemoney",
            new { account_id = accountId, from_id = 0, to_id = 1, description = "rent", amount = 100m })).EnsureSuccessStatusCode();
        (await user.Client.PostJsonAsync("/accounts/debit",
            new { account_id = accountId, envelope_id = 2, description = "shop", amount = 15.05m })).EnsureSuccessStatusCode();
        (await user.DepositAsync(accountId, 1, 9m)).EnsureSuccessStatusCode();
        (await user.Client.PostJsonAsync("/accounts/transactions/undo", new { account_id = accountId })).EnsureSuccessStatusCode();
        (await user.Client.PostJsonAsync("/accounts/envelopes/rename",
            new { account_id = accountId, envelope_id = 2, new_name = "Groceries" })).EnsureSuccessStatusCode();

        var report = await user.Client.GetJsonAsync(
            $"/accounts/{accountId}/report?from={Month(ThisMonth.AddMonths(-2))}&to={Month(ThisMonth)}");

        var months = report["months"]!.AsArray();
        Assert.Equal([Month(ThisMonth.AddMonths(-2)), Month(ThisMonth.AddMonths(-1)), Month(ThisMonth)],
            months.Select(m => m!["month"]!.GetValue<string>()));
        Assert.Empty(months[0]!["envelopes"]!.AsArray());
        Assert.Empty(months[1]!["envelopes"]!.AsArray());
        Assert.Equal(
            [(0, "Available", 0m, 100m), (1, "Rent", 100m, 0m), (2, "Groceries", 40.10m, 15.05m)],
            months[2]!["envelopes"]!.AsArray().Select(Flow));
    }

    [Fact]
    public async Task Report_OfAPay_CountsItsSplitAndTheRestInAvailable()
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountWithEnvelopesAsync(0m, "Rent");
        (await user.Client.PostJsonAsync("/accounts/payers/add", new
        {
            account_id = accountId, payer = "ACME", amount = 1000m, payments = new[] { new { envelope_id = 1, amount = 600m } },
        })).EnsureSuccessStatusCode();
        (await user.Client.PostJsonAsync("/accounts/pay", new
        {
            account_id = accountId, payment_source_id = 0, payer = "ACME", amount = 1000m, description = "pay day",
        })).EnsureSuccessStatusCode();

        var report = await user.Client.GetJsonAsync($"/accounts/{accountId}/report?from={Month(ThisMonth)}&to={Month(ThisMonth)}");

        Assert.Equal([(0, "Available", 400m, 0m), (1, "Rent", 600m, 0m)],
            report["months"]![0]!["envelopes"]!.AsArray().Select(Flow));
    }

    [Theory]
    [InlineData("from=2026-13&to=2027-01", "from must be a month as YYYY-MM.")]
    [InlineData("from=2026-01", "to must be a month as YYYY-MM.")]
    [InlineData("from=2026-05&to=2026-04", "from must not be after to.")]
    [InlineData("from=2000-01&to=2026-01", "A report covers at most 120 months.")]
    public async Task Report_BadRange_Is400WithTheReason(string query, string reason)
    {
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync();

        using var response = await user.Client.GetAsync($"/accounts/{accountId}/report?{query}");

        Assert.Equal(reason, await response.ReadProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Report_OfAnotherUsersAccount_Is404()
    {
        var owner = await fixture.Factory.SignUpAndLogInAsync();
        var stranger = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await owner.OpenAccountAsync();

        using var response = await stranger.Client.GetAsync($"/accounts/{accountId}/report?from=2026-01&to=2026-02");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Report_IsInTheOpenApiDocument_WithItsQuery()
    {
        var document = await fixture.Factory.CreateClient().GetJsonAsync("/swagger/v1/swagger.json");

        var operation = document["paths"]!["/accounts/{id}/report"]!["get"]!;
        Assert.Equal(["id", "from", "to"], operation["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.NotNull(operation["responses"]!["400"]);
    }

    private static (int, string, decimal, decimal) Flow(JsonNode? envelope) => (
        envelope!["envelope_id"]!.GetValue<int>(), envelope["name"]!.GetValue<string>(),
        envelope["in"].Decimal(), envelope["out"].Decimal());
}
