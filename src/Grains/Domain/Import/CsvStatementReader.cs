using Sylvan.Data.Csv;

namespace NVelopes.Grains.Domain.Import;

/// <summary>
/// Reads a CSV statement (through Sylvan's CSV reader, which detects the delimiter: <c>,</c>, <c>;</c>, tab or
/// <c>|</c>). The header is the first of the leading rows whose names say where the date and the amount are, so
/// that a bank's preamble (account number, period) above it is passed over; a file without one has its columns
/// found by their content. Columns the user names win. Blank rows, and rows with neither a date nor an amount
/// (a closing balance's), are not transactions.
/// </summary>
internal static class CsvStatementReader
{
    /// <summary>How many leading rows may come before the header.</summary>
    private const int HeaderSearchRows = 20;

    /// <summary>How many data rows the columns of a file without a header are guessed from.</summary>
    private const int ContentSampleRows = 50;

    public static Statement Read(string text, StatementOptions options)
    {
        var rows = ReadRows(text);
        var header = FindHeader(rows, options);
        var data = header is { } found ? rows.Skip(found.Index + 1).ToList() : rows;
        if (data.Count > StatementLimits.MaxLines) throw StatementReader.TooManyLines(data.Count);
        var columns = header?.Columns ?? ColumnsByContent(data, options);

        var dates = StatementDates.For(data.Select(row => row.Cell(columns.Date)), options.DateFormat, whenAmbiguous: null);
        var amountSamples = columns.Amount is { } amount
            ? data.Select(row => row.Cell(amount))
            : data.SelectMany(row => new[] { row.Cell(columns.In!.Value), row.Cell(columns.Out!.Value) });
        var amounts = StatementAmounts.For(amountSamples, options.DecimalSeparator);

        var lines = new List<StatementLine>(data.Count);
        var unreadable = new List<RefusedLine>();
        foreach (var row in data)
        {
            if (row.Cell(columns.Date).Trim().Length == 0 && AmountText(row, columns).Trim().Length == 0) continue;
            try
            {
                var date = dates.Read(row.Cell(columns.Date));
                var description = columns.Description is { } d ? row.Cell(d).Trim() : "";
                lines.Add(new StatementLine(row.Number, date, SignedAmount(row, columns, amounts), description));
            }
            catch (DomainException refused)
            {
                unreadable.Add(new RefusedLine(row.Number, refused.Message));
            }
        }
        return new Statement(StatementFormat.Csv, lines, unreadable);
    }

    private static decimal SignedAmount(CsvRow row, CsvColumns columns, StatementAmounts amounts)
    {
        if (columns.Amount is { } amount) return amounts.Read(row.Cell(amount));
        var paidIn = row.Cell(columns.In!.Value);
        var paidOut = row.Cell(columns.Out!.Value);
        var credit = paidIn.Trim().Length > 0 ? Math.Abs(amounts.Read(paidIn)) : 0;
        var debit = paidOut.Trim().Length > 0 ? Math.Abs(amounts.Read(paidOut)) : 0;
        if (credit != 0 && debit != 0) throw DomainException.Invalid("The line has an amount both in and out.");
        if (paidIn.Trim().Length == 0 && paidOut.Trim().Length == 0) throw DomainException.Invalid("The amount is missing.");
        return credit - debit;
    }

    private static string AmountText(CsvRow row, CsvColumns columns) =>
        columns.Amount is { } amount ? row.Cell(amount) : row.Cell(columns.In!.Value) + row.Cell(columns.Out!.Value);

    private static List<CsvRow> ReadRows(string text)
    {
        var rows = new List<CsvRow>();
        using var reader = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = DelimiterOf(text),
        });
        var startLines = RecordStartLines(text);
        var record = 0;
        while (reader.Read())
        {
            var cells = new string[reader.RowFieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = reader.GetString(i);
            var line = record < startLines.Count ? startLines[record] : reader.RowNumber;
            record++;
            if (cells.All(cell => cell.Trim().Length == 0)) continue;
            if (rows.Count > StatementLimits.MaxLines + HeaderSearchRows) throw StatementReader.TooManyLines(rows.Count);
            rows.Add(new CsvRow(line, cells));
        }
        return rows;
    }

    /// <summary>
    /// The line of the file each record starts on, in the order Sylvan reads them: its row numbers count a quoted
    /// field's line breaks as none, but a refusal must name the line the user sees.
    /// </summary>
    private static List<int> RecordStartLines(string text)
    {
        var starts = new List<int>();
        var line = 1;
        var atRecordStart = true;
        var quoted = false;
        foreach (var c in text)
        {
            if (atRecordStart && c != '\r')
            {
                starts.Add(line); // an empty line too is a record to Sylvan, of one empty field
                atRecordStart = false;
            }
            if (c == '"') quoted = !quoted;
            else if (c == '\n')
            {
                line++;
                atRecordStart = !quoted;
            }
        }
        return starts;
    }

    /// <summary>
    /// The delimiter of the file: of <c>,</c> <c>;</c> tab and <c>|</c>, the one that splits the most of the leading
    /// lines into the same number of fields. Sylvan guesses from the first line only, which a bank's preamble may be,
    /// and a file with decimal commas has a comma on every line too, but not the same number of them.
    /// </summary>
    private static char DelimiterOf(string text)
    {
        var lines = text.Split('\n', 31).Take(30).Where(line => line.Trim().Length > 0).ToList();
        var best = ',';
        var bestScore = 0;
        foreach (var candidate in new[] { ',', ';', '\t', '|' })
        {
            var counts = lines.Select(line => CountOutsideQuotes(line, candidate)).Where(count => count > 0).ToList();
            if (counts.Count == 0) continue;
            var modal = counts.GroupBy(count => count).OrderByDescending(group => group.Count()).ThenByDescending(group => group.Key).First();
            var score = modal.Count() * modal.Key;
            if (score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static int CountOutsideQuotes(string line, char delimiter)
    {
        var count = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == delimiter && !quoted) count++;
        }
        return count;
    }

    /// <summary>The header row and the columns its names give, or null when the file has no header.</summary>
    private static (int Index, CsvColumns Columns)? FindHeader(List<CsvRow> rows, StatementOptions options)
    {
        for (var index = 0; index < Math.Min(rows.Count, HeaderSearchRows); index++)
        {
            var names = rows[index].Cells.Select(Normalized).ToArray();
            if (names.Any(name => StatementDates.LooksLikeDate(name))) continue; // a data row
            var date = Named(names, options.DateColumn, CsvColumns.DateNames, "date_column");
            var amount = Named(names, options.AmountColumn, CsvColumns.AmountNames, "amount_column", except: date);
            var paidIn = Named(names, options.InColumn, CsvColumns.InNames, "in_column", except: date);
            var paidOut = Named(names, options.OutColumn, CsvColumns.OutNames, "out_column", except: date);
            if (date is null || (amount is null && (paidIn is null || paidOut is null))) continue;
            var description = Named(names, options.DescriptionColumn, CsvColumns.DescriptionNames, "description_column", except: date);
            return (index, amount is not null && options.InColumn is null
                ? new CsvColumns(date.Value, amount, null, null, description)
                : new CsvColumns(date.Value, null, paidIn, paidOut, description));
        }
        var byName = new[] { options.DateColumn, options.AmountColumn, options.InColumn, options.OutColumn, options.DescriptionColumn }
            .Any(column => Given(column) is { Number: null });
        if (byName)
            throw DomainException.Invalid("No header row names the columns given by name; name them by number (1, 2, …) for a file without a header.");
        return null;
    }

    /// <summary>
    /// The column the user named (by header name or number), or else the first header among <paramref name="known"/>,
    /// compared whole, then as a part of the header ("Amount (EUR)").
    /// </summary>
    private static int? Named(string[] names, string? given, string[] known, string parameter, int? except = null)
    {
        if (Given(given) is { } chosen)
        {
            if (chosen.Number is { } number) return number;
            var index = Array.IndexOf(names, chosen.Name);
            return index >= 0 ? index : null;
        }
        foreach (var name in known)
        {
            var index = Array.FindIndex(names, header => header == name);
            if (index >= 0 && index != except) return index;
        }
        foreach (var name in known.Where(name => name.Length >= 4))
        {
            var index = Array.FindIndex(names, header => header.Contains(name, StringComparison.Ordinal));
            if (index >= 0 && index != except) return index;
        }
        return null;
    }

    /// <summary>The columns of a file without a header: the first column of dates, the first of amounts after, the longest text.</summary>
    private static CsvColumns ColumnsByContent(List<CsvRow> data, StatementOptions options)
    {
        var sample = data.Take(ContentSampleRows).ToList();
        var width = sample.Count == 0 ? 0 : sample.Max(row => row.Cells.Length);
        bool Mostly(int column, Func<string, bool> test)
        {
            var filled = sample.Select(row => row.Cell(column)).Where(cell => cell.Trim().Length > 0).ToList();
            return filled.Count > 0 && filled.Count(test) * 5 >= filled.Count * 4;
        }
        var date = Given(options.DateColumn)?.Number
            ?? Enumerable.Range(0, width).Cast<int?>().FirstOrDefault(c => Mostly(c!.Value, StatementDates.LooksLikeDate))
            ?? throw DomainException.Invalid(
                "No column of dates was found: name the columns with date_column and amount_column (or in_column and out_column).");
        var paidIn = Given(options.InColumn)?.Number;
        var paidOut = Given(options.OutColumn)?.Number;
        int? amount = null;
        if (paidIn is null || paidOut is null)
        {
            amount = Given(options.AmountColumn)?.Number
                ?? Enumerable.Range(0, width).Where(c => c != date).Cast<int?>().FirstOrDefault(c => Mostly(c!.Value, StatementAmounts.LooksLikeAmount))
                ?? throw DomainException.Invalid("No column of amounts was found: name it with amount_column (or in_column and out_column).");
        }
        var taken = new[] { date, amount, paidIn, paidOut };
        var description = Given(options.DescriptionColumn)?.Number
            ?? Enumerable.Range(0, width).Where(c => !taken.Contains(c) && !Mostly(c, StatementAmounts.LooksLikeAmount))
                .Cast<int?>().OrderByDescending(c => sample.Sum(row => row.Cell(c!.Value).Trim().Length)).FirstOrDefault();
        return amount is not null ? new CsvColumns(date, amount, null, null, description) : new CsvColumns(date, null, paidIn, paidOut, description);
    }

    /// <summary>A column the user named: by number from 1, or by its header.</summary>
    private static (string Name, int? Number)? Given(string? column)
    {
        if (string.IsNullOrWhiteSpace(column)) return null;
        var trimmed = column.Trim();
        if (int.TryParse(trimmed, out var number))
            return number >= 1 ? (trimmed, number - 1) : throw DomainException.Invalid($"Column numbers start at 1, not {number}.");
        return (Normalized(trimmed), null);
    }

    private static string Normalized(string header) => string.Join(' ', header.Trim().Trim('"').ToLowerInvariant()
        .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed record CsvRow(int Number, string[] Cells)
    {
        public string Cell(int index) => index < Cells.Length ? Cells[index] : "";
    }
}
