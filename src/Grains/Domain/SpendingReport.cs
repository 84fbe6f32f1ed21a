using System.Globalization;

namespace NVelopes.Grains.Domain;

/// <summary>
/// Money in and out per calendar month (UTC) and per envelope over a range of months, folded from the effective
/// history one transaction at a time, so a report never holds more than its own lines. A deposit is money in, a
/// debit or a cash withdrawal money out, a move out of one envelope and into another, a pay money in for each
/// envelope of its split and for Available with the rest. The opening balance is not money in of any month: it is
/// where the account started. Undone transactions are not in the effective history, so not in the report.
/// </summary>
public sealed class SpendingReport
{
    /// <summary>The longest range one report covers: ten years of months.</summary>
    public const int MaxMonths = 120;

    private readonly SortedDictionary<int, SortedDictionary<int, (decimal In, decimal Out)>> _months = [];

    /// <param name="firstMonth">The first month of the range, its first day.</param>
    /// <param name="lastMonth">The last month of the range, its first day.</param>
    public SpendingReport(DateOnly firstMonth, DateOnly lastMonth)
    {
        if (firstMonth.Day != 1 || lastMonth.Day != 1) throw new ArgumentException("A report's months start on their first day.");
        var count = MonthsBetween(firstMonth, lastMonth) + 1;
        if (count < 1) throw DomainException.Invalid("from must not be after to.");
        if (count > MaxMonths) throw DomainException.Invalid($"A report covers at most {MaxMonths} months.");
        First = firstMonth;
        Last = lastMonth;
        for (var i = 0; i < count; i++) _months.Add(i, []);
    }

    public DateOnly First { get; }
    public DateOnly Last { get; }

    /// <summary>Where the store's read of the range begins, inclusive.</summary>
    public DateTimeOffset From => new(First.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Where the store's read of the range ends, exclusive: the start of the month after the last.</summary>
    public DateTimeOffset Until => new(Last.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Parses a month as the route takes it, <c>YYYY-MM</c>; null when it is not one.</summary>
    public static DateOnly? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    public void Add(Transaction transaction)
    {
        if (transaction.Id == Transaction.OpeningId) return;
        var utc = transaction.Date.UtcDateTime;
        var index = MonthsBetween(First, new DateOnly(utc.Year, utc.Month, 1));
        if (!_months.TryGetValue(index, out var envelopes)) return; // outside the range
        switch (transaction.Kind)
        {
            case TransactionKind.Deposit:
                Count(envelopes, transaction.EnvelopeId, moneyIn: transaction.Amount, moneyOut: 0);
                break;
            case TransactionKind.Debit or TransactionKind.Atm:
                Count(envelopes, transaction.EnvelopeId, moneyIn: 0, moneyOut: -transaction.Amount);
                break;
            case TransactionKind.Move:
                Count(envelopes, transaction.EnvelopeId, moneyIn: 0, moneyOut: transaction.Amount);
                Count(envelopes, transaction.ToEnvelopeId, moneyIn: transaction.Amount, moneyOut: 0);
                break;
            case TransactionKind.Pay:
                foreach (var split in transaction.PaySplits) Count(envelopes, split.EnvelopeId, split.Amount, 0);
                var rest = transaction.Amount - transaction.PaySplits.Sum(s => s.Amount);
                if (rest != 0) Count(envelopes, Account.AvailableEnvelopeId, rest, 0);
                break;
        }
    }

    /// <summary>Every month of the range, oldest first, with the envelopes that had money in or out in it, by id.</summary>
    public IEnumerable<(DateOnly Month, IEnumerable<(int EnvelopeId, decimal In, decimal Out)> Envelopes)> Months =>
        _months.Select(month => (First.AddMonths(month.Key),
            month.Value.Select(envelope => (envelope.Key, envelope.Value.In, envelope.Value.Out))));

    private static void Count(SortedDictionary<int, (decimal In, decimal Out)> envelopes, int? envelopeId, decimal moneyIn, decimal moneyOut)
    {
        if (envelopeId is not { } id) return;
        var (before, after) = envelopes.TryGetValue(id, out var sums) ? sums : (0m, 0m);
        envelopes[id] = (before + moneyIn, after + moneyOut);
    }

    private static int MonthsBetween(DateOnly first, DateOnly month) => (month.Year - first.Year) * 12 + month.Month - first.Month;
}
