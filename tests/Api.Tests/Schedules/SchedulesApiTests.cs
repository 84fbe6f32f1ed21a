using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests.Schedules;

/// <summary>
/// The schedule routes end to end through real tokens, on every store: add with catch-up, list with the next
/// occurrences, change, remove, the change feed, undo of a scheduled transaction, and refusals as problem details
/// that change nothing.
/// </summary>
public abstract class SchedulesApiTests(SchedulesApiFixture fixture)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [SkippableFact]
    public async Task Post_DebitSchedule_Is201_WithTheOccurrencesAlreadyDueApplied_AndGetListsItWithItsNextFive()
    {
        var (user, accountId) = await AccountAsync(100m);

        using var posted = await user.Client.PostJsonAsync($"/accounts/{accountId}/schedules", Debit(Today.AddDays(-2), 5m));

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.NotNull(posted.Headers.ETag);
        var body = await posted.Content.ReadAsStringAsync();
        var created = JsonNode.Parse(body)!;
        var scheduleId = created["schedule"]!["id"]!.GetValue<int>();
        Assert.Equal($"/accounts/{accountId}/schedules/{scheduleId}", posted.Headers.Location!.OriginalString);
        Assert.Equal([Iso(Today.AddDays(-2)), Iso(Today.AddDays(-1)), Iso(Today)],
            created["applied"]!.AsArray().Select(o => o!["date"]!.GetValue<string>()));
        var listed = (await user.Client.GetJsonAsync($"/accounts/{accountId}/schedules")).AsArray();
        var schedule = Assert.Single(listed)!;
        Assert.Equal(("debit", "FREQ=DAILY", "UTC", "keep", Iso(Today)),
            (schedule["kind"]!.GetValue<string>(), schedule["rule"]!.GetValue<string>(), schedule["time_zone"]!.GetValue<string>(),
             schedule["weekend"]!.GetValue<string>(), schedule["handled_through"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, 5).Select(d => Iso(Today.AddDays(d))), schedule["next"]!.AsArray().Select(o => o!["date"]!.GetValue<string>()));
        Assert.Equal(85m, (await user.Client.GetJsonAsync($"/accounts/{accountId}")).EnvelopeBalance(0));
        var history = (await user.Client.GetJsonAsync($"/accounts/{accountId}/transactions/0/100")).AsArray();
        Assert.Equal(4, history.Count);
        Assert.All(history.Skip(1), t => Assert.Equal(-5m, t!["amount"].Decimal()));
    }

    [SkippableFact]
    public async Task TheChangeFeed_ShowsTheScheduleAndEachOccurrence_AndUndoTakesAScheduledTransactionBack()
    {
        var (user, accountId) = await AccountAsync(100m);
        using var posted = await user.Client.PostJsonAsync($"/accounts/{accountId}/schedules", Debit(Today, 30m));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        var changes = (await user.Client.GetJsonAsync($"/accounts/{accountId}/changes"))["changes"]!.AsArray();
        var added = changes.Single(c => c!["kind"]!.GetValue<string>() == "schedule_added")!;
        var applied = changes.Single(c => c!["kind"]!.GetValue<string>() == "scheduled_applied")!;
        Assert.Equal("FREQ=DAILY", added["schedule"]!["terms"]!["rule"]!.GetValue<string>());
        Assert.Equal(Iso(Today), applied["schedule"]!["date"]!.GetValue<string>());
        Assert.Equal(-30m, applied["transaction"]!["amount"].Decimal());

        using var undone = await user.Client.PostJsonAsync("/accounts/transactions/undo", new { account_id = accountId });
        Assert.Equal(100m, (await undone.ReadJsonAsync()).EnvelopeBalance(0));
        var schedule = Assert.Single((await user.Client.GetJsonAsync($"/accounts/{accountId}/schedules")).AsArray())!;
        Assert.Equal(Iso(Today), schedule["handled_through"]!.GetValue<string>()); // undone, not to be applied again
    }

    [SkippableFact]
    public async Task Put_ReplacesTheTerms_KeepingHowFarTheScheduleHasRun_AndDeleteRemovesIt()
    {
        var (user, accountId) = await AccountAsync(100m);
        using var posted = await user.Client.PostJsonAsync($"/accounts/{accountId}/schedules", Debit(Today, 1m));
        var scheduleId = JsonNode.Parse(await posted.Content.ReadAsStringAsync())!["schedule"]!["id"]!.GetValue<int>();

        using var put = await user.Client.PutAsJsonAsync($"/accounts/{accountId}/schedules/{scheduleId}",
            Debit(Today.AddDays(-3), 2m, "FREQ=WEEKLY"));
        var changed = await put.ReadJsonAsync();
        Assert.Equal(("FREQ=WEEKLY", 2m, Iso(Today)), (changed["schedule"]!["rule"]!.GetValue<string>(), changed["schedule"]!["amount"].Decimal(),
            changed["schedule"]!["handled_through"]!.GetValue<string>()));
        Assert.Empty(changed["applied"]!.AsArray()); // the weekly date three days ago is before the mark

        using var deleted = await user.Client.DeleteAsync($"/accounts/{accountId}/schedules/{scheduleId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await user.Client.GetJsonAsync($"/accounts/{accountId}/schedules")).AsArray());
        using var again = await user.Client.DeleteAsync($"/accounts/{accountId}/schedules/{scheduleId}");
        Assert.Contains($"No schedule exists with id: {scheduleId}", await again.ReadProblemAsync(HttpStatusCode.NotFound));
        using var putMissing = await user.Client.PutAsJsonAsync($"/accounts/{accountId}/schedules/{scheduleId}", Debit(Today, 1m));
        await putMissing.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableTheory]
    [InlineData("""{"kind":"debit","rule":"FREQ=SOMETIMES","starts":"2030-01-01","envelope_id":1,"amount":1}""", "not a valid RFC 5545 RRULE")]
    [InlineData("""{"kind":"debit","rule":"FREQ=HOURLY","starts":"2030-01-01","envelope_id":1,"amount":1}""", "more often than daily")]
    [InlineData("""{"kind":"debit","rule":"FREQ=DAILY","starts":"2030-01-01","time_zone":"Europe/Nowhere","envelope_id":1,"amount":1}""", "Europe/Nowhere")]
    [InlineData("""{"kind":"debit","rule":"FREQ=DAILY","starts":"2030-01-01","envelope_id":1,"amount":0.001}""", "whole number of cents")]
    [InlineData("""{"kind":"debit","rule":"FREQ=DAILY","starts":"2030-01-01","envelope_id":1,"amount":-5}""", "greater than 0")]
    [InlineData("""{"kind":"debit","rule":"FREQ=DAILY","starts":"2030-01-01","envelope_id":9,"amount":1}""", "No envelope exists")]
    [InlineData("""{"kind":"fill","rule":"FREQ=DAILY","starts":"2030-01-01","fills":[{"envelope_id":0,"amount":1}]}""", "cannot be filled")]
    [InlineData("""{"kind":"pay","rule":"FREQ=DAILY","starts":"2030-01-01","amount":1}""", "payment_source_id")]
    [InlineData("""{"kind":"monthly","rule":"FREQ=DAILY","starts":"2030-01-01"}""", "kind must be")]
    [InlineData("""{"kind":"debit","rule":"FREQ=DAILY","envelope_id":1,"amount":1}""", "starts")]
    [InlineData("""{"kind":"debit","rule":"FREQ=DAILY","starts":null,"envelope_id":1,"amount":1}""", "starts is required")]
    [InlineData("""{"kind":"debit","rule":"FREQ=DAILY","starts":"2020-01-01","envelope_id":1,"amount":1}""", "too far in the past")]
    public async Task Post_BadTerms_Are400WithTheReason_AndChangeNothing(string json, string reason)
    {
        var (user, accountId) = await AccountAsync(100m);
        var before = await user.Client.SnapshotAsync(accountId);

        using var posted = await user.Client.PostRawJsonAsync($"/accounts/{accountId}/schedules", json);

        var detail = await posted.ReadProblemAsync(reason.StartsWith("No envelope") ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest);
        Assert.Contains(reason, detail);
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
        Assert.Empty((await user.Client.GetJsonAsync($"/accounts/{accountId}/schedules")).AsArray());
    }

    [SkippableFact]
    public async Task AnotherUsersAccount_Is404_ForEverySchedulesRoute()
    {
        var (_, accountId) = await AccountAsync(100m);
        var stranger = await Factory.SignUpAndLogInAsync();

        using var list = await stranger.Client.GetAsync($"/accounts/{accountId}/schedules");
        using var post = await stranger.Client.PostJsonAsync($"/accounts/{accountId}/schedules", Debit(Today, 1m));
        using var delete = await stranger.Client.DeleteAsync($"/accounts/{accountId}/schedules/1");

        await list.ReadProblemAsync(HttpStatusCode.NotFound);
        await post.ReadProblemAsync(HttpStatusCode.NotFound);
        await delete.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task OpenApi_DescribesTheScheduleRoutes_WithTheirRulesAndProblems()
    {
        var document = JsonNode.Parse(await Factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

        var collection = document["paths"]!["/accounts/{id}/schedules"]!;
        var one = document["paths"]!["/accounts/{id}/schedules/{scheduleId}"]!;
        Assert.Contains("RRULE", collection["post"]!["description"]!.GetValue<string>());
        Assert.Contains("201", collection["post"]!["responses"]!.AsObject().Select(r => r.Key));
        Assert.Contains("400", collection["post"]!["responses"]!.AsObject().Select(r => r.Key));
        Assert.NotNull(collection["get"]!["summary"]);
        Assert.NotNull(one["put"]!["summary"]);
        Assert.Contains("204", one["delete"]!["responses"]!.AsObject().Select(r => r.Key));
        Assert.NotNull(collection["post"]!["security"]);
        var kinds = document["components"]!["schemas"]!["ChangeResponse"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>());
        Assert.Superset(new HashSet<string> { "schedule_added", "schedule_changed", "schedule_removed", "scheduled_applied", "scheduled_failed" },
            kinds.ToHashSet());
    }

    [SkippableFact]
    public async Task Post_RetriedWithTheSameIdempotencyKey_AnswersTheFirstSchedule_AndAddsNothing()
    {
        var (user, accountId) = await AccountAsync(100m);
        var key = RetryRequests.NewKey();
        var path = $"/accounts/{accountId}/schedules";

        using var first = await user.Client.PostJsonAsync(path, Debit(Today.AddDays(-1), 5m), key);
        var afterFirst = await user.Client.SnapshotAsync(accountId);
        using var retry = await user.Client.PostJsonAsync(path, Debit(Today.AddDays(-1), 5m), key);
        using var otherBody = await user.Client.PostJsonAsync(path, Debit(Today.AddDays(-1), 6m), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var firstSchedule = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["schedule"]!;
        var retried = JsonNode.Parse(await retry.Content.ReadAsStringAsync())!;
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.True(JsonNode.DeepEquals(firstSchedule, retried["schedule"]), retried.ToJsonString());
        Assert.Empty(retried["applied"]!.AsArray()); // the first request applied both occurrences; the retry applies none again
        Assert.Contains("Idempotency-Key", await otherBody.ReadProblemAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Single((await user.Client.GetJsonAsync(path)).AsArray());
        Assert.Equal(afterFirst, await user.Client.SnapshotAsync(accountId));
        Assert.Equal(90m, (await user.Client.GetJsonAsync($"/accounts/{accountId}")).EnvelopeBalance(0));
    }

    [SkippableFact]
    public async Task PutAndDelete_RetriedWithTheSameIdempotencyKey_AnswerAsTheFirstTime_AndChangeNothingAgain()
    {
        var (user, accountId) = await AccountAsync(100m);
        using var posted = await user.Client.PostJsonAsync($"/accounts/{accountId}/schedules", Debit(Today.AddDays(1), 1m));
        var path = $"/accounts/{accountId}/schedules/{JsonNode.Parse(await posted.Content.ReadAsStringAsync())!["schedule"]!["id"]}";
        var putKey = RetryRequests.NewKey();
        var deleteKey = RetryRequests.NewKey();

        using var put = await user.Client.SendJsonAsync(HttpMethod.Put, path, Debit(Today.AddDays(1), 2m), putKey);
        var afterPut = await user.Client.SnapshotAsync(accountId);
        using var putAgain = await user.Client.SendJsonAsync(HttpMethod.Put, path, Debit(Today.AddDays(1), 2m), putKey);
        Assert.Equal(afterPut, await user.Client.SnapshotAsync(accountId));
        using var deleted = await user.Client.SendJsonAsync(HttpMethod.Delete, path, null, deleteKey);
        var afterDelete = await user.Client.SnapshotAsync(accountId);
        using var deletedAgain = await user.Client.SendJsonAsync(HttpMethod.Delete, path, null, deleteKey);

        Assert.True(JsonNode.DeepEquals((await put.ReadJsonAsync())["schedule"], (await putAgain.ReadJsonAsync())["schedule"]));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deletedAgain.StatusCode); // not 404: the retry finds the first answer
        Assert.Equal(deleted.ETag(), deletedAgain.ETag());
        Assert.Equal(afterDelete, await user.Client.SnapshotAsync(accountId));
    }

    [SkippableFact]
    public async Task AStaleIfMatch_Is412_ForEverySchedulesMutation_AndChangesNothing()
    {
        var (user, accountId) = await AccountAsync(100m);
        var stale = (await user.Client.GetAsync($"/accounts/{accountId}")).ETag();
        using var posted = await user.Client.PostJsonAsync($"/accounts/{accountId}/schedules", Debit(Today.AddDays(1), 1m), null, stale);
        var current = posted.ETag();
        var path = $"/accounts/{accountId}/schedules/{JsonNode.Parse(await posted.Content.ReadAsStringAsync())!["schedule"]!["id"]}";
        var before = await user.Client.SnapshotAsync(accountId);
        var schedulesBefore = (await user.Client.GetJsonAsync($"/accounts/{accountId}/schedules")).ToJsonString();

        using var add = await user.Client.PostJsonAsync($"/accounts/{accountId}/schedules", Debit(Today.AddDays(-1), 1m), null, stale);
        using var put = await user.Client.SendJsonAsync(HttpMethod.Put, path, Debit(Today.AddDays(-1), 7m), null, stale);
        using var delete = await user.Client.SendJsonAsync(HttpMethod.Delete, path, null, null, stale);

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode); // the ETag was current then
        foreach (var refused in new[] { add, put, delete })
            Assert.Contains($"changed since version {stale.Trim('"')}", await refused.ReadProblemAsync(HttpStatusCode.PreconditionFailed));
        Assert.Equal(before, await user.Client.SnapshotAsync(accountId));
        Assert.Equal(schedulesBefore, (await user.Client.GetJsonAsync($"/accounts/{accountId}/schedules")).ToJsonString());
        using var withCurrent = await user.Client.SendJsonAsync(HttpMethod.Delete, path, null, null, current);
        Assert.Equal(HttpStatusCode.NoContent, withCurrent.StatusCode);
    }

    private NVelopesApiFactory Factory
    {
        get
        {
            Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
            return fixture.Factory;
        }
    }

    private async Task<(ApiUser User, string AccountId)> AccountAsync(decimal openingBalance)
    {
        var user = await Factory.SignUpAndLogInAsync();
        return (user, await user.OpenAccountWithEnvelopesAsync(openingBalance, "Rent"));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd");

    private static object Debit(DateOnly starts, decimal amount, string rule = "FREQ=DAILY") =>
        new { kind = "debit", rule, starts = Iso(starts), envelope_id = 0, amount };
}

[Collection(SqliteSchedulesApiCollection.Name)]
public sealed class SqliteSchedulesApiTests(SqliteSchedulesApiFixture fixture) : SchedulesApiTests(fixture);

[Collection(MongoDbSchedulesApiCollection.Name)]
public sealed class MongoDbSchedulesApiTests(MongoDbSchedulesApiFixture fixture) : SchedulesApiTests(fixture);

[CollectionDefinition(Name)]
public sealed class SqliteSchedulesApiCollection : ICollectionFixture<SqliteSchedulesApiFixture>
{
    public const string Name = "Schedules API on SQLite";
}

[CollectionDefinition(Name)]
public sealed class MongoDbSchedulesApiCollection : ICollectionFixture<MongoDbSchedulesApiFixture>
{
    public const string Name = "Schedules API on MongoDB";
}
