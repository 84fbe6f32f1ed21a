using NVelopes.Web.Contracts;
using NVelopes.Web.Services;

namespace NVelopes.Web.Components;

/// <summary>
/// Names the member behind a history item's <c>actor</c> (a user id). The members list gives usernames but no ids;
/// the account's events pair them: each <c>member_joined</c> names the user id and username of who joined, and
/// the one member who never joined by an invitation is the one who opened the account (the actor of its opening).
/// </summary>
public sealed class ActorNames
{
    public const string Schedule = "schedule";

    private readonly Dictionary<string, string> _usernames = [];
    private string? _opener;
    private long _since;

    /// <summary>Reads the account's events since the last call and the members now.</summary>
    public async Task<string?> LoadAsync(ApiClient api, string accountPath, CancellationToken cancellationToken = default)
    {
        for (var more = true; more;)
        {
            var page = await api.GetAsync($"{accountPath}/changes?since={_since}&limit=1000", ApiClient.Json.ChangeList, cancellationToken);
            if (!page.Ok) return page.Error;
            foreach (var change in page.Value!.Changes)
            {
                if (change.Kind == "account_opened") _opener = change.Actor;
                if (change.Kind == "member_joined" && change.Member is { } id && change.Username is { } username) _usernames[id] = username;
                _since = Math.Max(_since, change.Version);
            }
            more = page.Value.More && page.Value.Changes.Count > 0;
        }
        var members = await api.GetAsync($"{accountPath}/members", ApiClient.Json.ListMember, cancellationToken);
        if (!members.Ok) return members.Error;
        if (_opener is not null && !_usernames.ContainsKey(_opener))
        {
            var joined = _usernames.Values.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var neverInvited = members.Value!.Where(m => !joined.Contains(m.Username)).ToList();
            if (neverInvited.Count == 1) _usernames[_opener] = neverInvited[0].Username;
        }
        return null;
    }

    /// <summary>The username, <c>schedule</c>, or the id's first characters for someone no longer known.</summary>
    public string Of(string? actor) => actor switch
    {
        null or "" => "",
        Schedule => Schedule,
        _ when _usernames.TryGetValue(actor, out var username) => username,
        _ => actor.Length > 8 ? actor[..8] + "…" : actor,
    };
}
