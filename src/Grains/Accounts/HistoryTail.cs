using NVelopes.Grains.Domain;

namespace NVelopes.Grains.Accounts;

/// <summary>
/// The newest transactions of an account, contiguous up to its next transaction id. It holds what undo needs and
/// what the next write must send to the store, so the grain never keeps the whole history in memory.
/// </summary>
internal sealed class HistoryTail
{
    private readonly List<Transaction> _newestLast = [];

    public bool IsEmpty => _newestLast.Count == 0;

    public Transaction Newest => _newestLast[^1];

    public void Append(Transaction transaction) => _newestLast.Add(transaction);

    public void RemoveNewest() => _newestLast.RemoveAt(_newestLast.Count - 1);

    /// <summary>Puts older transactions read from the store in front; they end where the tail begins.</summary>
    public void PrependOlder(IEnumerable<Transaction> older) => _newestLast.InsertRange(0, older);

    /// <summary>The transactions with ids from <paramref name="firstId"/> on, oldest first.</summary>
    public IReadOnlyList<Transaction> From(long firstId) => _newestLast.Where(t => t.Id >= firstId).ToArray();

    /// <summary>Keeps only the newest <paramref name="count"/>; called when nothing is waiting to be written.</summary>
    public void TrimTo(int count)
    {
        if (_newestLast.Count > count) _newestLast.RemoveRange(0, _newestLast.Count - count);
    }

    public void Clear() => _newestLast.Clear();
}
