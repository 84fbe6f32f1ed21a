namespace NVelopes.Grains.Domain.Import;

/// <summary>
/// Reads a QIF statement of a bank, cash or credit-card account: records of one-letter fields (<c>D</c> date,
/// <c>T</c> or <c>U</c> amount, <c>P</c> payee, <c>M</c> memo), each ended by <c>^</c> (the last one also by the end
/// of the file, as some exporters write it). Other sections (categories, classes, investment accounts) are passed
/// over; split lines are not, their total is the record's amount. Dates come in Quicken's spellings
/// (<c>1/ 5'24</c> is 5 January 2024) and are month-first unless the file or the user says otherwise.
/// </summary>
internal static class QifStatementReader
{
    private static readonly string[] TransactionSections = ["bank", "cash", "ccard", "oth a", "oth l"];

    public static Statement Read(string text, StatementOptions options)
    {
        var records = new List<(int Line, Dictionary<char, string> Fields)>();
        Dictionary<char, string>? fields = null;
        var recordLine = 0;
        var inTransactions = true;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r').TrimEnd();
            if (line.Length == 0) continue;
            if (line[0] == '!')
            {
                var header = line.ToLowerInvariant();
                if (header.StartsWith("!type:", StringComparison.Ordinal))
                {
                    var type = header[6..].Trim();
                    if (type.StartsWith("invst", StringComparison.Ordinal))
                        throw DomainException.Invalid("Investment QIF files are not imported: export the bank account's transactions.");
                    inTransactions = TransactionSections.Contains(type);
                }
                else if (header.StartsWith("!account", StringComparison.Ordinal)) inTransactions = false;
                continue;
            }
            if (!inTransactions) continue;
            if (line[0] == '^')
            {
                if (fields is not null) records.Add((recordLine, fields));
                fields = null;
                continue;
            }
            if (fields is null)
            {
                fields = [];
                recordLine = number;
                if (records.Count >= StatementLimits.MaxLines) throw StatementReader.TooManyLines(StatementLimits.MaxLines + 1);
            }
            // Split lines (S, E, $) repeat; the first value of the record's own fields is its own.
            fields.TryAdd(line[0], line[1..].Trim());
        }
        if (fields is not null) records.Add((recordLine, fields));

        var dates = StatementDates.For(records.Select(r => QuickenDate(r.Fields.GetValueOrDefault('D') ?? "")), options.DateFormat,
            whenAmbiguous: DateFamily.MonthDayYear);
        var amounts = StatementAmounts.For(records.Select(r => AmountOf(r.Fields) ?? ""), options.DecimalSeparator);
        var lines = new List<StatementLine>(records.Count);
        var unreadable = new List<RefusedLine>();
        foreach (var (line, record) in records)
        {
            try
            {
                var date = dates.Read(QuickenDate(record.GetValueOrDefault('D') ?? ""));
                var amount = amounts.Read(AmountOf(record) ?? "");
                var payee = record.GetValueOrDefault('P') ?? "";
                var memo = record.GetValueOrDefault('M') ?? "";
                var description = payee.Length == 0 ? memo : memo.Length == 0 || memo == payee ? payee : $"{payee} / {memo}";
                lines.Add(new StatementLine(line, date, amount, description));
            }
            catch (DomainException refused)
            {
                unreadable.Add(new RefusedLine(line, refused.Message));
            }
        }
        return new Statement(StatementFormat.Qif, lines, unreadable);
    }

    private static string? AmountOf(Dictionary<char, string> fields) => fields.GetValueOrDefault('T') ?? fields.GetValueOrDefault('U');

    /// <summary>Quicken writes the years from 2000 after an apostrophe and pads with spaces: <c>1/ 5'24</c> is <c>1/5/24</c>.</summary>
    private static string QuickenDate(string text)
    {
        var date = text.Trim().Replace('\'', '/');
        return date.Any(char.IsLetter) ? date : date.Replace(" ", "", StringComparison.Ordinal);
    }
}
