using System.Collections.Concurrent;
using NVelopes.Grains.Abstractions.Users;

namespace NVelopes.Api.Auth;

/// <summary>
/// Whether the user a token names exists and is not disabled, as that user's <see cref="IUserIdentityGrain"/> says
/// from its memory. Every request asks. An active user is remembered here for <see cref="RememberFor"/>, so a busy
/// client costs one grain call per that time rather than one per request; once a user is disabled or removed, every
/// gateway refuses their tokens at most that long afterwards. Refusals are never remembered.
/// </summary>
public sealed class ActiveUsers(IGrainFactory grains, TimeProvider clock)
{
    /// <summary>Bounds the memory; past it the memory starts over.</summary>
    public const int Capacity = 10_000;

    public static readonly TimeSpan RememberFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _activeUntil = new(StringComparer.Ordinal);

    /// <param name="userId">The token's <c>sub</c>.</param>
    /// <param name="username">The token's username, for a user the identity grain has not recorded yet.</param>
    /// <param name="cancellationToken">The request's.</param>
    public async ValueTask<UserStatus> StatusOfAsync(string userId, string? username, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_activeUntil.TryGetValue(userId, out var until) && now < until) return UserStatus.Active;

        var status = await grains.GetGrain<IUserIdentityGrain>(userId).AuthenticateAsync(username, cancellationToken);
        if (status == UserStatus.Active)
        {
            if (_activeUntil.Count >= Capacity) _activeUntil.Clear();
            _activeUntil[userId] = now + RememberFor;
        }
        else
        {
            _activeUntil.TryRemove(userId, out _);
        }
        return status;
    }
}
