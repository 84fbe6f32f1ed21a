using System.Net;
using System.Text;
using NVelopes.Web.Components;
using NVelopes.Web.Contracts;
using NVelopes.Web.Services;
using NVelopes.Web.Tests.Infrastructure;

namespace NVelopes.Web.Tests;

/// <summary>The app's API client: a 503 is retried with the same Idempotency-Key, a refusal becomes its sentence.</summary>
public sealed class ApiClientTests
{
    private const string AccountJson =
        """{"account_id":"a1","name":"Home","balance":10,"version":2,"envelopes":[{"id":0,"name":"Available","balance":10}],"paysources":[]}""";

    [Fact]
    public async Task Command_MeetingA503_IsSentAgainWithTheSameKey_UntilItLands()
    {
        var service = new ScriptedService(Unavailable(), Unavailable(), Json(HttpStatusCode.OK, AccountJson));
        var api = await ClientAsync(service);

        var answer = await api.PostAsync("accounts/deposit", new MovementBody("a1", 0, "", 10m),
            ApiClient.Json.MovementBody, ApiClient.Json.Account, "key-1");

        Assert.True(answer.Ok);
        Assert.Equal(2, answer.Value!.Version);
        Assert.Equal(["key-1", "key-1", "key-1"], service.Requests.Select(r => r.IdempotencyKey));
        Assert.All(service.Requests, r => Assert.Equal("Bearer", r.Authorization?.Scheme));
    }

    [Fact]
    public async Task Command_StillUnavailableAfterTheRetries_SaysToTryAgain()
    {
        var service = new ScriptedService([.. Enumerable.Range(0, ApiClient.UnavailableRetries + 1).Select(_ => Unavailable())]);
        var api = await ClientAsync(service);

        var answer = await api.PostAsync("accounts/deposit", new MovementBody("a1", 0, "", 10m),
            ApiClient.Json.MovementBody, ApiClient.Json.Account, "key-2");

        Assert.Equal(ApiClient.UnavailableSentence, answer.Error);
        Assert.Equal(ApiClient.UnavailableRetries + 1, service.Requests.Count);
        Assert.All(service.Requests, r => Assert.Equal("key-2", r.IdempotencyKey));
    }

    [Fact]
    public async Task Refusal_IsTheProblemsDetail_AndIsNotRetried()
    {
        var service = new ScriptedService(Json(HttpStatusCode.BadRequest,
            """{"type":"x","title":"Bad Request","status":400,"detail":"Not enough money in 'Shopping' envelope"}""", "application/problem+json"));
        var api = await ClientAsync(service);

        var answer = await api.PostAsync("accounts/movemoney", new MoveBody("a1", 1, 0, "", 10m),
            ApiClient.Json.MoveBody, ApiClient.Json.Account, "key-3");

        Assert.Equal("Not enough money in 'Shopping' envelope", answer.Error);
        Assert.Single(service.Requests);
    }

    [Fact]
    public async Task ATokenPastHalfItsLife_IsRenewedBeforeTheNextCall_WhichCarriesTheNewOne()
    {
        var now = DateTimeOffset.UtcNow;
        var renewed = UnsignedToken(now, now.AddMinutes(30));
        var service = new ScriptedService(Json(HttpStatusCode.OK, $$"""{"access_token":"{{renewed}}","token_type":"bearer"}"""),
            Json(HttpStatusCode.OK, AccountJson));
        var storage = new MemoryJsRuntime();
        var api = await ClientAsync(service, issued: now.AddMinutes(-20), expires: now.AddMinutes(10), storage);

        var answer = await api.GetAsync("accounts/a1", ApiClient.Json.Account);

        Assert.True(answer.Ok);
        Assert.Equal(["token/renew", "accounts/a1"], service.Requests.Select(r => r.Path));
        Assert.Equal(renewed, service.Requests[1].Authorization?.Parameter);
        Assert.Equal(renewed, storage.Storage.Values.Single()); // a reload keeps the renewed session
    }

    [Fact]
    public async Task AnImportMeetingA503_IsSentAgainWithTheSameKey_AsMultipartWithTheFile()
    {
        var report = $$"""{"dry_run":false,"format":"csv","envelope_id":0,"new":[{"line":2,"date":"2024-03-01","amount":-12.34,"description":"TESCO","import_id":"line:x"}],"duplicates":[],"refused":[],"account":{{AccountJson}}}""";
        var service = new ScriptedService(Unavailable(), Json(HttpStatusCode.OK, report));
        var api = await ClientAsync(service);

        var answer = await api.PostFileAsync("accounts/a1/import?dry_run=false", "s.csv", "Date,Amount\n"u8.ToArray(), ApiClient.Json.ImportReport, "key-4");

        Assert.True(answer.Ok);
        Assert.Equal(new DateOnly(2024, 3, 1), Assert.Single(answer.Value!.New).Date);
        Assert.Equal(["key-4", "key-4"], service.Requests.Select(r => r.IdempotencyKey));
        Assert.All(service.Requests, r => Assert.StartsWith("multipart/form-data", r.ContentType));
    }

    [Fact]
    public async Task ACommandAnsweredWithNoContent_HasLanded_AndCarriesItsKey()
    {
        var service = new ScriptedService(() => new HttpResponseMessage(HttpStatusCode.NoContent));
        var api = await ClientAsync(service);

        var answer = await api.SendAsync(HttpMethod.Delete, "accounts/a1/members/bob", "key-4");

        Assert.True(answer.Ok);
        Assert.Equal(204, answer.Status);
        Assert.Equal("key-4", service.Requests.Single().IdempotencyKey);
    }

    [Fact]
    public async Task ActorNames_AreTheMembersUsernames_ScheduleForASchedule_AndAFormerMemberForSomeoneWhoLeft()
    {
        var service = new ScriptedService(Json(HttpStatusCode.OK,
            """[{"user_id":"u-ada","username":"ada","full_name":"Ada","role":"owner"},{"user_id":"u-bob","username":"bob","full_name":"Bob","role":"editor"}]"""));
        var api = await ClientAsync(service);
        var names = new ActorNames();

        Assert.Null(await names.LoadAsync(api, "accounts/a1"));

        Assert.Equal("ada", names.Of("u-ada"));
        Assert.Equal("bob", names.Of("u-bob"));
        Assert.Equal("schedule", names.Of("schedule"));
        Assert.Equal(ActorNames.FormerMember, names.Of("u-carol"));
        Assert.Equal("", names.Of(null));
        Assert.Equal(["accounts/a1/members"], service.Requests.Select(r => r.Path));
    }

    private static async Task<ApiClient> ClientAsync(
        ScriptedService service, DateTimeOffset? issued = null, DateTimeOffset? expires = null, MemoryJsRuntime? storage = null)
    {
        var session = new Session(storage ?? new MemoryJsRuntime(), TimeProvider.System);
        await session.SignInAsync(UnsignedToken(issued ?? DateTimeOffset.UtcNow, expires ?? DateTimeOffset.UtcNow.AddMinutes(30)));
        return new ApiClient(new HttpClient(service) { BaseAddress = new Uri("http://nvelopes.test/") }, session);
    }

    /// <summary>A token the app can read (it only reads the payload; the service checks signatures).</summary>
    private static string UnsignedToken(DateTimeOffset issued, DateTimeOffset expires)
    {
        static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Encode("""{"alg":"HS256"}""")}.{Encode($$"""{"sub":"u1","preferred_username":"ada","iat":{{issued.ToUnixTimeSeconds()}},"exp":{{expires.ToUnixTimeSeconds()}}}""")}.c2ln";
    }

    private static Func<HttpResponseMessage> Unavailable() => () =>
    {
        var response = Json(HttpStatusCode.ServiceUnavailable, """{"status":503,"detail":"The account store is unavailable right now; try again shortly."}""")();
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
        return response;
    };

    private static Func<HttpResponseMessage> Json(HttpStatusCode status, string json, string mediaType = "application/json") =>
        () => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) };

    private sealed record SentRequest(
        string Path, string? IdempotencyKey, System.Net.Http.Headers.AuthenticationHeaderValue? Authorization, string? ContentType = null);

    /// <summary>Answers each request with the next scripted answer, and remembers what each request carried.</summary>
    private sealed class ScriptedService(params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        private int _next;

        public List<SentRequest> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(new SentRequest(request.RequestUri!.AbsolutePath.TrimStart('/'),
                request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null, request.Headers.Authorization,
                request.Content?.Headers.ContentType?.MediaType));
            return Task.FromResult(answers[_next++]());
        }
    }
}
