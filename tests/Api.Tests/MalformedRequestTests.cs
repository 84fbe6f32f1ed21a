using System.Globalization;
using System.Text;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests;

/// <summary>
/// A seeded storm of malformed requests (see <see cref="MalformedRequestGenerator"/>) sent as raw bytes to a real
/// Kestrel listener, on every route, each aimed at the caller's own account with one fault: every one is refused with
/// the status its fault calls for, never a 5xx; the service's refusals are problem details with a reason (only what
/// Kestrel refuses before the service sees it comes without a body); and the account, the account list and the user
/// are exactly what they were, no sign-up among them took. A failure names its seed; set <c>NVELOPES_FUZZ_SEED</c>
/// to replay it or to try others.
/// </summary>
[Collection(KestrelApiCollection.Name)]
public sealed class MalformedRequestTests(KestrelApiFixture fixture)
{
    private const int DefaultSeed = 20_260_707;
    private const int RequestCount = 3_000;
    private const int ConcurrentConnections = 8;
    private const string SeedVariable = "NVELOPES_FUZZ_SEED";
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task MalformedRequests_OnEveryRoute_AreRefusedAsTheirFaultCallsForAndChangeNothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), CultureInfo.InvariantCulture, out var chosen) ? chosen : DefaultSeed;
        var user = await fixture.Factory.SignUpAndLogInAsync();
        var accountId = await AccountWithEveryKindOfStateAsync(user);
        var before = await StateAsync(user, accountId);
        var requests = new MalformedRequestGenerator(seed, new MalformedTargets(accountId, user.Username, user.Password, user.Token))
            .Generate(RequestCount);
        var failures = new List<string>();

        await Parallel.ForEachAsync(requests.Index(), new ParallelOptions { MaxDegreeOfParallelism = ConcurrentConnections }, async (sent, _) =>
        {
            var response = await RawHttp.SendAsync(fixture.EndPoint, sent.Item.Bytes, AnswerTimeout);
            if (Misanswered(sent.Item, response) is { } wrong)
                lock (failures) failures.Add($"#{sent.Index}: {wrong}\n  {sent.Item}");
        });

        Assert.True(failures.Count == 0,
            $"Seed {seed} ({SeedVariable}={seed} replays it): {failures.Count} of {RequestCount} requests were answered wrongly, e.g.:\n" +
            string.Join("\n", failures.Take(8)));
        Assert.Equal(before, await StateAsync(user, accountId));
        foreach (var username in requests.Select(request => request.SignupUsername).OfType<string>().Distinct())
            Assert.False((await user.Client.GetJsonAsync($"/users/exists/{username}")).GetValue<bool>(), $"Seed {seed}: sign-up of {username} took");
    }

    /// <summary>What is wrong with the answer, or null when it is the refusal the request's fault calls for.</summary>
    private static string? Misanswered(MalformedRequest request, RawHttpResponse? response)
    {
        if (response is null) return "no answer";
        var detail = response.ProblemDetail();
        var body = detail ?? Encoding.UTF8.GetString(response.Body, 0, Math.Min(response.Body.Length, 300));
        if (response.Status != request.Fault.Status) return $"answered {response.Status}, expected {request.Fault.Status}: {body}";
        // Our pipeline sets this header on every answer; without it, Kestrel refused the request before the service saw it.
        var fromService = response.Header("X-Content-Type-Options") is not null;
        if (fromService && detail is null) return $"{response.Status} without problem details and a reason: {body}";
        if (!fromService && !request.Fault.RefusedByKestrel) return $"{response.Status} from Kestrel, not the service, so without problem details";
        return null;
    }

    /// <summary>An account with envelopes, a payment source, a deposit and an undone one, so that every route has something to act on.</summary>
    private static async Task<string> AccountWithEveryKindOfStateAsync(ApiUser user)
    {
        var accountId = await user.OpenAccountWithEnvelopesAsync(100.00m, "Food", "Rent");
        await user.Client.PostJsonAsync("/accounts/payers/add",
            new { account_id = accountId, payer = "Acme", amount = 10.00m, payments = new[] { new { envelope_id = 1, amount = 3.00m } } }).OkJsonAsync();
        await user.DepositAsync(accountId, 1, 20.00m).OkJsonAsync();
        await user.DepositAsync(accountId, 2, 5.00m).OkJsonAsync();
        await user.Client.PostJsonAsync("/accounts/transactions/undo", new { account_id = accountId }).OkJsonAsync();
        return accountId;
    }

    private static async Task<string> StateAsync(ApiUser user, string accountId) =>
        await user.Client.SnapshotAsync(accountId) + "\n"
        + (await user.Client.GetJsonAsync("/accounts")).ToJsonString() + "\n"
        + (await user.Client.GetJsonAsync("/users/me")).ToJsonString();
}
