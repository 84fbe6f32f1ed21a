using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests.Imports;

/// <summary>
/// Statement import and history export through the real gateway, run once per store by the subclasses: each format,
/// duplicates within a file, across files and between two imports at once, dry runs and refusals changing nothing,
/// the import's own size limits, and the export, which imports back into an account with the same balances.
/// </summary>
public abstract class ImportApiTests
{
    private const decimal Opening = 5000.00m;

    /// <summary>The gateway under test (skips the test when its store is unavailable).</summary>
    protected abstract NVelopesApiFactory Factory { get; }

    [SkippableTheory]
    [InlineData("uk-current-account.csv", 5, 0, 2385.98)]
    [InlineData("de-girokonto.csv", 4, 0, 1903.04)]
    [InlineData("paid-in-paid-out.csv", 3, 0, 514.99)]
    [InlineData("checking-sgml.ofx", 4, 0, 1327.84)]
    [InlineData("credit-card-xml.ofx", 2, 0, 135.10)]
    [InlineData("unclosed-aggregates.qfx", 2, 1, 1774.60)]
    [InlineData("quicken-bank.qif", 4, 0, 1403.44)]
    public async Task EachFormat_ImportsItsLinesIntoTheEnvelope_InOneWrite(string file, int lines, int duplicates, decimal total)
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(Opening, canGoNegative: true);
        await user.Client.PostJsonAsync("/accounts/envelopes/add", new { account_id = accountId, envelopes = new[] { "Current" } }).OkJsonAsync();
        var before = await user.Client.GetJsonAsync($"/accounts/{accountId}");

        var report = await user.Client.ImportAsync(accountId, file, "envelope_id=1").OkJsonAsync();

        Assert.False(report["dry_run"]!.GetValue<bool>());
        Assert.Equal(lines, report["new"]!.AsArray().Count);
        Assert.Equal(duplicates, report["duplicates"]!.AsArray().Count);
        Assert.Empty(report["refused"]!.AsArray());
        var account = await user.Client.GetJsonAsync($"/accounts/{accountId}");
        Assert.Equal(Opening + total, account["balance"].Decimal());
        Assert.Equal(total, account.EnvelopeBalance(1));
        Assert.Equal(report["account"]!["version"]!.GetValue<long>(), account["version"]!.GetValue<long>());
        // One event per line, all in one write: the log grew by exactly the lines, each a deposit or a debit.
        var changes = await user.Client.GetJsonAsync($"/accounts/{accountId}/changes?since={before["version"]!.GetValue<long>()}");
        Assert.Equal(lines, changes["changes"]!.AsArray().Count);
        Assert.All(changes["changes"]!.AsArray(), change => Assert.Contains(change!["kind"]!.GetValue<string>(), new[] { "deposited", "debited" }));
    }

    [SkippableFact]
    public async Task TheSameFileTwice_ImportsNothingTheSecondTime_AndAnOverlappingStatementOnlyItsNewLines()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(Opening);
        await user.Client.ImportAsync(accountId, "uk-current-account.csv").OkJsonAsync();
        var afterFirst = await user.Client.SnapshotAsync(accountId);

        var again = await user.Client.ImportAsync(accountId, "uk-current-account.csv").OkJsonAsync();

        Assert.Empty(again["new"]!.AsArray());
        Assert.Equal(5, again["duplicates"]!.AsArray().Count);
        Assert.Equal(afterFirst, await user.Client.SnapshotAsync(accountId));

        var next = await user.Client.ImportAsync(accountId, "uk-current-account-next.csv").OkJsonAsync();

        Assert.Equal([4, 5], next["new"]!.AsArray().Select(l => l!["line"]!.GetValue<int>()));
        Assert.Equal([2, 3], next["duplicates"]!.AsArray().Select(l => l!["line"]!.GetValue<int>()).Order());
        var history = await user.Client.GetJsonAsync($"/accounts/{accountId}/transactions/0/100");
        Assert.Equal(1 + 5 + 2, history.AsArray().Count);
        Assert.Equal(Opening + 2385.98m - 3.20m + 2500.00m, (await user.Client.GetJsonAsync($"/accounts/{accountId}"))["balance"].Decimal());
    }

    [SkippableFact]
    public async Task TwoImportsOfOneFileAtOnce_RecordItsLinesOnce()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(Opening);

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => user.Client.ImportAsync(accountId, "checking-sgml.ofx").OkJsonAsync()));

        Assert.Equal(4, reports.Sum(r => r["new"]!.AsArray().Count));
        Assert.Equal(12, reports.Sum(r => r["duplicates"]!.AsArray().Count));
        Assert.Equal(5, (await user.Client.GetJsonAsync($"/accounts/{accountId}/transactions/0/100")).AsArray().Count);
    }

    [SkippableFact]
    public async Task DryRun_AnswersWhatWouldBeImported_DuplicatesAndRefusals_AndChangesNothing()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(Opening);
        await user.Client.ImportAsync(accountId, "uk-current-account.csv").OkJsonAsync();
        var before = await user.Client.SnapshotAsync(accountId);
        const string statement = "Date,Amount,Description\n2024-03-28,-23.45,\"TESCO STORES 2231 \"\"EXPRESS\"\"\"\n2024-04-01,abc,broken\n2024-04-02,-1.50,Bus\n";

        var report = await user.Client.ImportTextAsync(accountId, "next.csv", statement, "dry_run=true").OkJsonAsync();

        Assert.True(report["dry_run"]!.GetValue<bool>());
        var wouldImport = Assert.Single(report["new"]!.AsArray())!;
        Assert.Equal(4, wouldImport["line"]!.GetValue<int>());
        Assert.Equal("2024-04-02", wouldImport["date"]!.GetValue<string>());
        Assert.Equal(-1.50m, wouldImport["amount"].Decimal());
        Assert.Equal("Bus", wouldImport["description"]!.GetValue<string>());
        Assert.StartsWith("line:", wouldImport["import_id"]!.GetValue<string>());
        Assert.Equal(2, Assert.Single(report["duplicates"]!.AsArray())!["line"]!.GetValue<int>());
        var refused = Assert.Single(report["refused"]!.AsArray())!;
        Assert.Equal(3, refused["line"]!.GetValue<int>());
        Assert.Contains("'abc' is not an amount", refused["reason"]!.GetValue<string>());
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [SkippableFact]
    public async Task ARefusedLine_FailsTheWholeImportWithItsLine_AndChangesNothing()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(10.00m, canGoNegative: false);
        var before = await user.Client.SnapshotAsync(accountId);

        using var unreadable = await user.Client.ImportAsync(accountId, "unreadable-line.csv");
        Assert.StartsWith("Line 3: 'twelve' is not an amount", await unreadable.ReadProblemAsync(HttpStatusCode.BadRequest));

        using var overdrawn = await user.Client.ImportTextAsync(accountId, "s.csv", "Date,Amount,Description\n2024-01-01,5.00,in\n2024-01-02,-20.00,out\n");
        var detail = await overdrawn.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Line 3: Cannot debit more than is available", detail);
        Assert.Contains("Nothing was imported", detail);

        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [SkippableFact]
    public async Task AStatementOverTheLimits_Is413_AndTheOtherRoutesKeepTheirBodyLimit()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(Opening);
        var before = await user.Client.SnapshotAsync(accountId);

        using var tooBig = await user.Client.ImportAsync(accountId, "big.csv", new byte[5 * 1024 * 1024 + 1]);
        await tooBig.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        var lines = "Date,Amount,Description\n" + string.Concat(Enumerable.Range(0, 10_001).Select(i => $"2024-01-01,1.00,line {i}\n"));
        using var tooLong = await user.Client.ImportTextAsync(accountId, "long.csv", lines);
        Assert.Contains("10000", await tooLong.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge));

        // A megabyte is far over the 64 KB of every other route, and a statement of 10,000 lines is most of one.
        var fits = "Date,Amount,Description\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"2024-01-01,1.00,{new string('x', 80)} {i}\n"));
        Assert.True(Encoding.UTF8.GetByteCount(fits) > 512 * 1024);
        Assert.Equal(10_000, (await user.Client.ImportTextAsync(accountId, "fits.csv", fits, "dry_run=true").OkJsonAsync())["new"]!.AsArray().Count);
        using var deposit = await user.Client.PostRawJsonAsync("/accounts/deposit",
            $"{{\"account_id\":\"{accountId}\",\"envelope_id\":0,\"amount\":1,\"description\":\"{new string('x', 70 * 1024)}\"}}");
        await deposit.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [SkippableFact]
    public async Task AnImportWithoutAFile_AnUnknownEnvelope_OrSomeoneElsesAccount_IsRefused()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var other = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(Opening);

        using var noFile = await user.Client.PostAsync($"/accounts/{accountId}/import",
            new MultipartFormDataContent { { new StringContent("x"), "not_file" } });
        Assert.Contains("'file'", await noFile.ReadProblemAsync(HttpStatusCode.BadRequest));
        using var noEnvelope = await user.Client.ImportAsync(accountId, "no-header.csv", "envelope_id=9");
        await noEnvelope.ReadProblemAsync(HttpStatusCode.NotFound);
        using var notTheirs = await other.Client.ImportAsync(accountId, "no-header.csv");
        await notTheirs.ReadProblemAsync(HttpStatusCode.NotFound);
        using var badFormat = await user.Client.ImportAsync(accountId, "no-header.csv", "format=xls");
        Assert.Contains("format must be", await badFormat.ReadProblemAsync(HttpStatusCode.BadRequest));
    }

    [SkippableTheory]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n2024-01-01,1.00,a")]
    [InlineData("multipart/form-data", "--x\r\n\r\n")]
    [InlineData("multipart/form-data; boundary=x", "")]
    [InlineData("multipart/form-data; boundary=x", "no boundary here at all")]
    [InlineData("application/json", "{\"file\":\"2024-01-01,1.00,a\"}")]
    [InlineData("text/csv", "Date,Amount\n2024-01-01,1.00\n")]
    public async Task AMalformedUpload_IsAProblemWithAReason_AndChangesNothing(string contentType, string body)
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(Opening);
        var before = await user.Client.SnapshotAsync(accountId);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await user.Client.PostAsync($"/accounts/{accountId}/import", content);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await response.ReadProblemAsync(response.StatusCode);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [SkippableTheory]
    [InlineData("application/json", "{\"file\":\"2024-01-01,1.00,a\"}")]
    [InlineData("text/csv", "Date,Amount\n2024-01-01,1.00\n")]
    public async Task AnUploadThatIsNotAForm_Is415_SayingHowToSendAStatement(string contentType, string body)
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(Opening);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await user.Client.PostAsync($"/accounts/{accountId}/import", content);

        Assert.Contains("/accounts/{id}/import as multipart/form-data with the file in the field 'file'",
            await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType));
    }

    [SkippableFact]
    public async Task Export_IsTheHistoryAsCsv_ThatImportsBackWithTheSameBalance()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var source = await user.OpenAccountAsync(Opening);
        await user.Client.ImportAsync(source, "quicken-bank.qif").OkJsonAsync();
        await user.Client.ImportAsync(source, "credit-card-xml.ofx").OkJsonAsync();

        using var export = await user.Client.GetAsync($"/accounts/{source}/export?format=csv");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var csv = await export.Content.ReadAsByteArrayAsync();
        var rows = Encoding.UTF8.GetString(csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,date,kind,", rows[0]);
        Assert.Equal(1 + 1 + 4 + 2, rows.Length);
        Assert.Contains(rows, row => row.Contains("Café de Flore", StringComparison.Ordinal) && row.Contains("fitid:CC-9001", StringComparison.Ordinal));

        var copy = await user.OpenAccountAsync(0.00m, canGoNegative: true); // the opening, dated today, is recorded last
        var report = await user.Client.ImportAsync(copy, "export.csv", csv).OkJsonAsync();
        Assert.Equal(7, report["new"]!.AsArray().Count);
        Assert.Equal((await user.Client.GetJsonAsync($"/accounts/{source}"))["balance"].Decimal(),
            (await user.Client.GetJsonAsync($"/accounts/{copy}"))["balance"].Decimal());

        using var otherFormat = await user.Client.GetAsync($"/accounts/{source}/export?format=xml");
        await otherFormat.ReadProblemAsync(HttpStatusCode.BadRequest);
        var other = await Factory.SignUpAndLogInAsync();
        using var notTheirs = await other.Client.GetAsync($"/accounts/{source}/export");
        await notTheirs.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task AnImportRetriedWithTheSameIdempotencyKey_AnswersTheFirstAnswer_AndImportsNothingAgain()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(Opening);
        var file = StatementUploads.File("uk-current-account.csv");
        var key = RetryRequests.NewKey();

        using var first = await user.Client.ImportAsync(accountId, "uk-current-account.csv", file, "", key, null);
        var firstAnswer = await first.ReadJsonAsync();
        var afterFirst = await user.Client.SnapshotAsync(accountId);
        using var retry = await user.Client.ImportAsync(accountId, "uk-current-account.csv", file, "", key, null);
        var retried = await retry.ReadJsonAsync();
        using var otherOptions = await user.Client.ImportAsync(accountId, "uk-current-account.csv", file, "dry_run=false&envelope_id=1", key, null);
        using var withoutKey = await user.Client.ImportAsync(accountId, "uk-current-account.csv", file);

        Assert.NotEmpty(firstAnswer["new"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(firstAnswer, retried), retried.ToJsonString()); // not "all duplicates": the first answer
        Assert.Equal(first.ETag(), retry.ETag());
        Assert.Contains("Idempotency-Key", await otherOptions.ReadProblemAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Empty((await withoutKey.ReadJsonAsync())["new"]!.AsArray()); // without the key, dedupe still imports nothing twice
        Assert.Equal(afterFirst, await user.Client.SnapshotAsync(accountId));
    }

    [SkippableFact]
    public async Task AnImportWithAStaleIfMatch_Is412_AndImportsNothing()
    {
        var user = await Factory.SignUpAndLogInAsync();
        var accountId = await user.OpenAccountAsync(Opening);
        var stale = (await user.Client.GetAsync($"/accounts/{accountId}")).ETag();
        using var deposit = await user.Client.PostJsonAsync("/accounts/deposit", new { account_id = accountId, envelope_id = 0, description = "cash", amount = 1m });
        Assert.Equal(HttpStatusCode.OK, deposit.StatusCode);
        var before = await user.Client.SnapshotAsync(accountId);

        using var refused = await user.Client.ImportAsync(accountId, "uk-current-account.csv", StatementUploads.File("uk-current-account.csv"), "", null, stale);
        using var current = await user.Client.ImportAsync(accountId, "uk-current-account.csv", StatementUploads.File("uk-current-account.csv"),
            "dry_run=true", null, deposit.ETag());

        Assert.Contains($"changed since version {stale.Trim('"')}", await refused.ReadProblemAsync(HttpStatusCode.PreconditionFailed));
        Assert.NotEmpty((await current.ReadJsonAsync())["new"]!.AsArray());
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
    }

    [SkippableFact]
    public async Task TheRoutes_AreDescribedInTheApiDocument()
    {
        var document = JsonNode.Parse(await Factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

        var import = document["paths"]!["/accounts/{id}/import"]!["post"]!;
        Assert.NotNull(import["requestBody"]!["content"]!["multipart/form-data"]);
        Assert.NotNull(import["responses"]!["413"]);
        Assert.Contains("dry_run", import["description"]!.GetValue<string>());
        Assert.Contains(import["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "envelope_id");
        Assert.NotNull(document["paths"]!["/accounts/{id}/export"]!["get"]!["responses"]!["200"]!["content"]!["text/csv"]);
    }
}
