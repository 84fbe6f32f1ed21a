using System.Globalization;
using Microsoft.Playwright;

// Measures what a person's browser pays to reach the login form of the web app at --url: the bytes transferred
// (as they came over the wire, compressed) on a first visit and on a repeat visit with the browser's cache, and the
// time from the start of the navigation until the login form is usable. Headless Debian Chromium through
// Playwright; prints one RESULT line per measure, medians over --runs fresh browser profiles.
var url = Argument("--url") ?? throw new ArgumentException("--url http://host:port/ is required.");
var runs = int.Parse(Argument("--runs") ?? "5", CultureInfo.InvariantCulture);
var chromium = Argument("--chromium") ?? "/usr/bin/chromium";

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});

var first = new List<Visit>();
var repeat = new List<Visit>();
for (var run = 0; run < runs; run++)
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
    var page = await context.NewPageAsync();
    first.Add(await VisitAsync(page, url));
    repeat.Add(await VisitAsync(page, url));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT scenario=web-first-visit transfer_kb={Median(first, v => v.Bytes) / 1024:0.0} requests={Median(first, v => v.Requests):0} login_form_ms={Median(first, v => v.LoginFormMs):0} target_transfer_kb=3072 target_login_form_ms=3000"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT scenario=web-repeat-visit transfer_kb={Median(repeat, v => v.Bytes) / 1024:0.0} requests={Median(repeat, v => v.Requests):0} login_form_ms={Median(repeat, v => v.LoginFormMs):0} target_transfer_kb=150"));
Console.WriteLine($"content encodings of the first visit: {string.Join(", ", first[^1].Encodings.Order())}");
return 0;

static async Task<Visit> VisitAsync(IPage page, string url)
{
    var cdp = await page.Context.NewCDPSessionAsync(page);
    var bytes = 0L;
    var requests = 0;
    var encodings = new HashSet<string>();
    cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
    {
        if (e is not { } payload) return;
        bytes += (long)payload.GetProperty("encodedDataLength").GetDouble();
        requests++;
    };
    cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
    {
        if (e is not { } payload) return;
        foreach (var header in payload.GetProperty("response").GetProperty("headers").EnumerateObject())
            if (header.Name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase)) encodings.Add(header.Value.GetString() ?? "");
    };
    await cdp.SendAsync("Network.enable");
    await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
    var username = page.GetByLabel("Username");
    await username.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 30_000 });
    await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log in" })).ToBeEnabledAsync();
    // The navigation's own clock: from its start (before the first byte was asked for) to a usable form.
    var loginFormMs = await page.EvaluateAsync<double>("performance.now()");
    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    await cdp.DetachAsync();
    return new Visit(bytes, requests, loginFormMs, encodings);
}

static double Median(List<Visit> visits, Func<Visit, double> measure)
{
    var sorted = visits.Select(measure).Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

internal sealed record Visit(long Bytes, int Requests, double LoginFormMs, HashSet<string> Encodings);
