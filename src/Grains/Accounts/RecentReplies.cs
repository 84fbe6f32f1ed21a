using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Grains.Accounts;

/// <summary>
/// The answers of the last few commands sent with idempotency keys, newest kept, oldest forgotten first. It spares
/// a store read for a quick retry and lets a duplicate that arrives while the first is still being written wait
/// for the same answer; the store remembers every answer for longer.
/// </summary>
internal sealed class RecentReplies(int capacity)
{
    private readonly Dictionary<string, RecentReply> _byKey = [];
    private readonly Queue<string> _oldestFirst = new();

    public RecentReply? Find(string key) => _byKey.GetValueOrDefault(key);

    public void Add(string key, string fingerprint, Task<AccountUpdate> answer)
    {
        if (_byKey.TryAdd(key, new RecentReply(fingerprint, answer))) _oldestFirst.Enqueue(key);
        while (_oldestFirst.Count > capacity) _byKey.Remove(_oldestFirst.Dequeue());
    }

    public void Clear()
    {
        _byKey.Clear();
        _oldestFirst.Clear();
    }
}

internal sealed record RecentReply(string Fingerprint, Task<AccountUpdate> Answer);
