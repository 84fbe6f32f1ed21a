using System.Collections;

namespace NVelopes.Observability.Tests.Infrastructure;

/// <summary>
/// What an in-memory exporter exported (spans, metric snapshots), safe to read while the exporter adds to it. Every
/// tracer provider in the test process sees every span, so tests pick theirs by trace id.
/// </summary>
public sealed class ExportedItems<T> : ICollection<T>
{
    private readonly List<T> _items = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get { lock (_lock) return _items.Count; }
    }

    public bool IsReadOnly => false;

    public void Add(T item)
    {
        lock (_lock) _items.Add(item);
    }

    public void Clear()
    {
        lock (_lock) _items.Clear();
    }

    public bool Contains(T item)
    {
        lock (_lock) return _items.Contains(item);
    }

    public void CopyTo(T[] array, int arrayIndex)
    {
        lock (_lock) _items.CopyTo(array, arrayIndex);
    }

    public bool Remove(T item)
    {
        lock (_lock) return _items.Remove(item);
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The items exported so far.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_lock) return [.. _items];
    }
}
