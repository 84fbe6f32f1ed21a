using NVelopes.Web.Contracts;
using NVelopes.Web.Services;

namespace NVelopes.Web.Components;

/// <summary>Names the member behind a history item's <c>actor</c> (a user id), from the account's members.</summary>
public sealed class ActorNames
{
    public const string Schedule = "schedule";
    public const string FormerMember = "a former member";

    private readonly Dictionary<string, string> _usernames = [];

    /// <summary>Reads the account's members now.</summary>
    public async Task<string?> LoadAsync(ApiClient api, string accountPath, CancellationToken cancellationToken = default)
    {
        var members = await api.GetAsync($"{accountPath}/members", ApiClient.Json.ListMember, cancellationToken);
        if (!members.Ok) return members.Error;
        _usernames.Clear();
        foreach (var member in members.Value!) _usernames[member.UserId] = member.Username;
        return null;
    }

    /// <summary>The member's username, <c>schedule</c>, or <see cref="FormerMember"/> for someone who has left.</summary>
    public string Of(string? actor) => actor switch
    {
        null or "" => "",
        Schedule => Schedule,
        _ when _usernames.TryGetValue(actor, out var username) => username,
        _ => FormerMember,
    };
}
