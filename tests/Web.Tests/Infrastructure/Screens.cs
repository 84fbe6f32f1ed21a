using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NVelopes.Web.Tests.Infrastructure;

/// <summary>What a person does on the app's screens, by the labels and button texts the issue names.</summary>
public static class Screens
{
    public static async Task LogInAsync(this IPage page, string username)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(WebAppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your accounts" })).ToBeVisibleAsync();
    }

    public static async Task OpenAccountPageAsync(this IPage page, string accountId, string name)
    {
        await page.GotoAsync($"/app/accounts/{accountId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Live", new() { Exact = true })).ToBeVisibleAsync();
    }

    public static ILocator Available(this IPage page) => page.GetByTestId("available");

    public static ILocator Envelope(this IPage page, string name) => page.Locator($"li.card[data-envelope='{name}']");

    /// <summary>The money form for an action ("Deposit", "Debit", "Cash", "Move", "Pay"), chosen first.</summary>
    public static async Task<ILocator> MoneyFormAsync(this IPage page, string action)
    {
        await page.GetByRole(AriaRole.Radio, new() { Name = action, Exact = true }).CheckAsync();
        return page.GetByRole(AriaRole.Form, new() { Name = action, Exact = true });
    }

    /// <summary>Deposits, debits or withdraws cash through the money form.</summary>
    public static async Task RecordAsync(this IPage page, string action, string envelope, string amount, string description)
    {
        var form = await page.MoneyFormAsync(action);
        await form.GetByLabel("Envelope").SelectOptionAsync(new SelectOptionValue { Label = envelope });
        await form.GetByLabel("Amount").FillAsync(amount);
        await form.GetByLabel("Description").FillAsync(description);
        await form.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
    }

    /// <summary>The repository's <c>docs/screenshots</c>, found from the test's output folder.</summary>
    public static string ScreenshotFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NVelopes.sln"))) directory = directory.Parent;
        var folder = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder(), name + ".png"), FullPage = true });
}
