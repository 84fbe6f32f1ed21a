using NVelopes.Grains.Domain.Events;

namespace NVelopes.Grains.Accounts;

/// <summary>
/// The newest events of an account, contiguous by version: those staged but not yet durable, and the last few
/// durable ones. Change feeds read the durable part without a store read, and a redo finds the undo it takes back
/// here while it is recent. Older events are the store's.
/// </summary>
internal sealed class EventWindow(int durableKept)
{
    private readonly List<RecordedEvent> _oldestFirst = [];
    private long _durableVersion;

    /// <summary>Starts over from an account loaded from the store at <paramref name="durableVersion"/>.</summary>
    public void Reset(long durableVersion)
    {
        _oldestFirst.Clear();
        _durableVersion = durableVersion;
    }

    public void Stage(RecordedEvent recorded)
    {
        var expected = (_oldestFirst.Count > 0 ? _oldestFirst[^1].Version : _durableVersion) + 1;
        if (recorded.Version != expected)
            throw new InvalidOperationException($"Event version {recorded.Version} staged where {expected} was due.");
        _oldestFirst.Add(recorded);
    }

    /// <summary>Events up to <paramref name="version"/> are durable; keeps only the newest few of them.</summary>
    public void MarkDurable(long version)
    {
        _durableVersion = version;
        var durable = _oldestFirst.FindLastIndex(e => e.Version <= version) + 1;
        if (durable > durableKept) _oldestFirst.RemoveRange(0, durable - durableKept);
    }

    /// <summary>The event at <paramref name="version"/>, staged or durable, if it is still in the window.</summary>
    public RecordedEvent? Find(long version)
    {
        if (_oldestFirst.Count == 0 || version < _oldestFirst[0].Version) return null;
        var index = (int)(version - _oldestFirst[0].Version);
        return index < _oldestFirst.Count ? _oldestFirst[index] : null;
    }

    /// <summary>
    /// Up to <paramref name="count"/> durable events after <paramref name="afterVersion"/>, or null when the window
    /// no longer holds the first of them.
    /// </summary>
    public IReadOnlyList<RecordedEvent>? DurableAfter(long afterVersion, int count)
    {
        if (afterVersion >= _durableVersion) return [];
        var first = Find(afterVersion + 1);
        if (first is null) return null;
        var from = (int)(first.Version - _oldestFirst[0].Version);
        var available = (int)(_durableVersion - afterVersion);
        return _oldestFirst.GetRange(from, Math.Min(count, available));
    }
}
