namespace NVelopes.Grains.Domain.Import;

/// <summary>
/// Reads a bank statement file into its lines: in the format the user names, else the one its file name says
/// (<c>.csv</c>, <c>.ofx</c>, <c>.qfx</c>, <c>.qif</c>), else the one its content shows (OFX headers or an
/// <c>&lt;OFX&gt;</c> element, a QIF <c>!Type:</c> line, otherwise CSV). A file that cannot be read at all (no
/// date column, not OFX) is refused whole; a line that cannot be read is refused on its own, with its reason.
/// </summary>
public static class StatementReader
{
    public static Statement Read(ReadOnlySpan<byte> content, string? fileName, StatementOptions options)
    {
        if (content.Length > StatementLimits.MaxBytes)
            throw DomainException.TooLarge(
                $"The statement is {content.Length} bytes; at most {StatementLimits.MaxBytes} bytes ({StatementLimits.MaxBytes / (1024 * 1024)} MB) are imported at once.");
        var text = StatementText.Decode(content);
        if (text.Trim().Length == 0) throw DomainException.Invalid("The statement file is empty.");
        return FormatOf(options.Format, fileName, text) switch
        {
            StatementFormat.Ofx => OfxStatementReader.Read(text),
            StatementFormat.Qif => QifStatementReader.Read(text, options),
            _ => CsvStatementReader.Read(text, options),
        };
    }

    public static StatementFormat FormatOf(string? format, string? fileName, string text)
    {
        if (!string.IsNullOrWhiteSpace(format))
        {
            return format.Trim().ToLowerInvariant() switch
            {
                "csv" => StatementFormat.Csv,
                "ofx" or "qfx" => StatementFormat.Ofx,
                "qif" => StatementFormat.Qif,
                var other => throw DomainException.Invalid($"format must be csv, ofx, qfx or qif, not '{StatementDates.Shortened(other)}'."),
            };
        }
        switch (Path.GetExtension(fileName ?? "").ToLowerInvariant())
        {
            case ".ofx" or ".qfx": return StatementFormat.Ofx;
            case ".qif": return StatementFormat.Qif;
            case ".csv": return StatementFormat.Csv;
        }
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("OFXHEADER", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<OFX>", StringComparison.OrdinalIgnoreCase)) return StatementFormat.Ofx;
        if (start.StartsWith("!Type:", StringComparison.OrdinalIgnoreCase) || start.StartsWith("!Account", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("!Option", StringComparison.OrdinalIgnoreCase)) return StatementFormat.Qif;
        return StatementFormat.Csv;
    }

    internal static DomainException TooManyLines(int count) => DomainException.TooLarge(
        $"The statement has {count} or more transactions; at most {StatementLimits.MaxLines} are imported at once: import it in parts.");
}
