using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Web.Tests.Infrastructure;

/// <summary>
/// The real gateway on a free loopback port (Kestrel, embedded store), serving the web app, and one headless
/// Debian Chromium driven by Playwright. Playwright's own browser download is not used: the browser is the system's
/// (<see cref="ChromiumPath"/>, which <c>.ci/run</c> installs). Without it the tests fail in CI and say so
/// elsewhere (a skip with the reason and the command that installs it).
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string Password = "correct horse battery";

    private IPlaywright? _playwright;

    public NVelopesApiFactory Factory { get; } = new(NVelopesApiFactory.NewDataDirectory(), NVelopesApiFactory.NewSigningKey());

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? Unavailable { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium).";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 }) throw new InvalidOperationException(Unavailable);
            return;
        }
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseAddress = Factory.ClientOptions.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser profile (its own storage), at desktop or phone size, in English (en-US).</summary>
    /// <param name="through">Another address of the gateway (a proxy in front of it) than <see cref="BaseAddress"/>.</param>
    public async Task<IPage> NewPageAsync(int width = 1200, int height = 900, string locale = "en-US", Uri? through = null)
    {
        Skip.If(Unavailable is not null, Unavailable);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (through ?? BaseAddress).ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
        });
        context.SetDefaultTimeout(15_000);
        // Assertions wait as long as actions do: a fresh profile downloads and compiles the app, slow on a busy machine.
        Assertions.SetDefaultExpectTimeout(15_000);
        return await context.NewPageAsync();
    }

    public HttpClient NewClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A user signed up through the API, and their token, for tests whose subject is not the sign-up.</summary>
    public async Task<(string Username, string Token)> SignUpAsync()
    {
        var username = "web" + Guid.NewGuid().ToString("N")[..12];
        using var client = NewClient();
        using var signup = await client.PostAsJsonAsync("users/signup", new
        {
            full_name = "Web " + username, username, email = username + "@example.com", password = Password,
        });
        signup.EnsureSuccessStatusCode();
        using var token = await client.PostAsync("token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = username, ["password"] = Password,
        }));
        token.EnsureSuccessStatusCode();
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        return (username, body.GetProperty("access_token").GetString()!);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
        TestDirectories.TryDelete(Factory.DataDirectory);
    }
}
