using System.Collections;

namespace NVelopes.Hosting.Observability;

/// <summary>
/// The log scope of one account grain call: every log written while the call runs, the store's included, carries
/// <c>AccountId</c> as a structured property (and the JSON console shows it among the scopes).
/// </summary>
internal sealed class AccountLogScope(string accountId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string PropertyName = "AccountId";

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(PropertyName, accountId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{PropertyName}:{accountId}";
}
