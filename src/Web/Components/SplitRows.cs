using NVelopes.Web.Contracts;
using NVelopes.Web.Services;

namespace NVelopes.Web.Components;

/// <summary>The text of a split form's rows, one per envelope other than Available, keyed by envelope id.</summary>
public static class SplitRows
{
    /// <summary>Gives every envelope a row (an envelope added meanwhile gets an empty one); keeps what was typed.</summary>
    public static void Ensure(Dictionary<int, string> rows, Account account)
    {
        foreach (var envelope in account.Envelopes.Where(e => e.Id != 0)) rows.TryAdd(envelope.Id, "");
    }

    /// <summary>Fills the rows with a payment source's split, or empties them.</summary>
    public static void Fill(Dictionary<int, string> rows, Account account, PaySource? source)
    {
        rows.Clear();
        foreach (var envelope in account.Envelopes.Where(e => e.Id != 0))
        {
            var line = source?.Envelopes.FirstOrDefault(l => l.Id == envelope.Id);
            rows[envelope.Id] = line is null ? "" : MoneyText.Format(line.Amount);
        }
    }
}
