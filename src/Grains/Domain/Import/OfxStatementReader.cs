using System.Net;

namespace NVelopes.Grains.Domain.Import;

/// <summary>
/// Reads the transactions (<c>STMTTRN</c>) of an OFX or QFX statement, bank or credit card, in both dialects:
/// OFX 1.x is SGML, whose elements holding a value are never closed (<c>&lt;TRNAMT&gt;-12.50</c>) and whose
/// headers are <c>KEY:VALUE</c> lines; OFX 2.x is XML with every element closed and processing instructions
/// before it. One tolerant scan over the tags serves both: a value is the text after its tag up to the next tag,
/// closing tags of values are ignored, and a transaction ends at its closing tag, at the next transaction or at
/// the end of its list, so a bank that forgets <c>&lt;/STMTTRN&gt;</c> is read too. Amounts are read with the
/// separator each shows (some banks write <c>-12,50</c>); the date is the posting date's first eight digits.
/// </summary>
internal static class OfxStatementReader
{
    public static Statement Read(string text)
    {
        var start = text.IndexOf("<OFX>", StringComparison.OrdinalIgnoreCase);
        if (start < 0) throw DomainException.Invalid("The file is not an OFX statement: it has no <OFX> element.");
        var lines = new List<StatementLine>();
        var unreadable = new List<RefusedLine>();
        Dictionary<string, string>? transaction = null;
        var transactionLine = 0;
        var line = 1 + CountNewlines(text, 0, start);
        var position = start;

        void Finish()
        {
            if (transaction is null) return;
            if (lines.Count + unreadable.Count >= StatementLimits.MaxLines) throw StatementReader.TooManyLines(StatementLimits.MaxLines + 1);
            try
            {
                lines.Add(ToLine(transactionLine, transaction));
            }
            catch (DomainException refused)
            {
                unreadable.Add(new RefusedLine(transactionLine, refused.Message));
            }
            transaction = null;
        }

        while (position < text.Length)
        {
            var open = text.IndexOf('<', position);
            if (open < 0) break;
            line += CountNewlines(text, position, open);
            var close = text.IndexOf('>', open);
            if (close < 0) break;
            var tag = text.AsSpan(open + 1, close - open - 1).Trim();
            position = close + 1;
            if (tag.Length == 0 || tag[0] is '?' or '!') continue;
            var closing = tag[0] == '/';
            var name = (closing ? tag[1..] : tag).Trim().ToString().ToUpperInvariant();
            var space = name.IndexOf(' ');
            if (space > 0) name = name[..space];
            if (closing)
            {
                if (name is "STMTTRN" or "BANKTRANLIST") Finish();
                continue;
            }
            if (name == "STMTTRN")
            {
                Finish();
                transaction = new Dictionary<string, string>(StringComparer.Ordinal);
                transactionLine = line;
                continue;
            }
            if (transaction is null) continue;
            var next = text.IndexOf('<', position);
            var end = next < 0 ? text.Length : next;
            var value = WebUtility.HtmlDecode(text.AsSpan(position, end - position).Trim().ToString());
            // A payee aggregate has its own NAME; the transaction's NAME, when it has one, comes first and wins.
            if (value.Length > 0) transaction.TryAdd(name, value);
        }
        Finish();
        return new Statement(StatementFormat.Ofx, lines, unreadable);
    }

    private static StatementLine ToLine(int line, Dictionary<string, string> fields)
    {
        var posted = fields.GetValueOrDefault("DTPOSTED") ?? fields.GetValueOrDefault("DTUSER")
            ?? throw DomainException.Invalid("The transaction has no DTPOSTED date.");
        var date = posted.Length >= 8 && DateOnly.TryParseExact(posted[..8], "yyyyMMdd", out var parsed)
            ? parsed
            : throw DomainException.Invalid($"DTPOSTED '{StatementDates.Shortened(posted)}' is not an OFX date (YYYYMMDD…).");
        var amountText = fields.GetValueOrDefault("TRNAMT") ?? throw DomainException.Invalid("The transaction has no TRNAMT amount.");
        var amount = StatementAmounts.ForOneValue(amountText).Read(amountText);
        var name = fields.GetValueOrDefault("NAME") ?? fields.GetValueOrDefault("PAYEEID") ?? "";
        var memo = fields.GetValueOrDefault("MEMO") ?? "";
        var description = name.Length == 0 ? memo : memo.Length == 0 || memo == name ? name : $"{name} / {memo}";
        return new StatementLine(line, date, amount, description, fields.GetValueOrDefault("FITID"));
    }

    private static int CountNewlines(string text, int from, int to) => text.AsSpan(from, to - from).Count('\n');
}
