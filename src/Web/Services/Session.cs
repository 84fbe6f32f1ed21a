using System.Text;
using System.Text.Json;
using Microsoft.JSInterop;

namespace NVelopes.Web.Services;

/// <summary>
/// The signed-in person's access token, kept in the browser's local storage so that a reload keeps the session.
/// Only the token is kept, never a password; the token's own expiry and issue time (read from its payload, which
/// needs no key to read) say when it is due for renewal.
/// </summary>
public sealed class Session(IJSRuntime js, TimeProvider clock)
{
    private const string StorageKey = "nvelopes.token";

    public string? Token { get; private set; }
    public string Username { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Why the last session ended without a "Log out" (an expired token), shown on the login form.</summary>
    public string? EndedBecause { get; private set; }

    public bool SignedIn => Token is not null && clock.GetUtcNow() < ExpiresAt;

    /// <summary>Past half its lifetime a token is renewed on the person's next action, so activity keeps the session.</summary>
    public bool DueForRenewal => SignedIn && clock.GetUtcNow() >= IssuedAt + (ExpiresAt - IssuedAt) / 2;

    public event Action? Changed;

    public async Task RestoreAsync()
    {
        var stored = await js.InvokeAsync<string?>("localStorage.getItem", StorageKey);
        if (stored is not null && Read(stored)) Changed?.Invoke();
        else if (stored is not null) await js.InvokeVoidAsync("localStorage.removeItem", StorageKey);
    }

    public async Task SignInAsync(string token)
    {
        if (!Read(token)) throw new InvalidOperationException("The service answered a token the app cannot read.");
        EndedBecause = null;
        await js.InvokeVoidAsync("localStorage.setItem", StorageKey, token);
        Changed?.Invoke();
    }

    public async Task SignOutAsync(string? because = null)
    {
        Token = null;
        Username = "";
        EndedBecause = because;
        await js.InvokeVoidAsync("localStorage.removeItem", StorageKey);
        Changed?.Invoke();
    }

    private bool Read(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return false;
        try
        {
            using var payload = JsonDocument.Parse(Base64UrlDecode(parts[1]));
            var root = payload.RootElement;
            var expires = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64());
            if (expires <= clock.GetUtcNow()) return false;
            IssuedAt = root.TryGetProperty("iat", out var iat) ? DateTimeOffset.FromUnixTimeSeconds(iat.GetInt64()) : clock.GetUtcNow();
            ExpiresAt = expires;
            Username = root.TryGetProperty("preferred_username", out var name) ? name.GetString() ?? "" : "";
            Token = token;
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var base64 = new StringBuilder(text.Replace('-', '+').Replace('_', '/'));
        while (base64.Length % 4 != 0) base64.Append('=');
        return Convert.FromBase64String(base64.ToString());
    }
}
