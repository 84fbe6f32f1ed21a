using System.Globalization;
using System.Text;
using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Api.Imports;

/// <summary>
/// The effective history as CSV (RFC 4180, UTF-8, CRLF), written page by page as it is read: one page of
/// <see cref="PageSize"/> transactions is in memory at a time and is flushed to the client before the next is read,
/// so an export of any length runs in constant memory. The columns <c>date</c>, <c>amount</c> and
/// <c>description</c> are those the import finds by itself. Text that a spreadsheet would run as a formula
/// (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>) is written after an apostrophe.
/// </summary>
public static class HistoryCsv
{
    public const int PageSize = 1000;

    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string Header = string.Join(',',
        "id", "date", "kind", "envelope_id", "envelope", "to_envelope_id", "to_envelope", "payer", "description", "amount", "balance", "import_id");

    /// <summary>
    /// Writes to <paramref name="output"/> every transaction <paramref name="readPage"/> gives (page N, from 0, of
    /// <see cref="PageSize"/> transactions, oldest first) until a page comes back short.
    /// </summary>
    public static async Task WriteAsync(
        Stream output, Func<int, CancellationToken, Task<IReadOnlyList<TransactionView>>> readPage, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
        await writer.WriteLineAsync(Header);
        await writer.FlushAsync(cancellationToken); // the answer starts before the first read of the store
        var row = new StringBuilder(256);
        for (var page = 0; ; page++)
        {
            var transactions = await readPage(page, cancellationToken);
            foreach (var transaction in transactions)
            {
                row.Clear();
                Append(row, transaction);
                await writer.WriteLineAsync(row, cancellationToken);
            }
            await writer.FlushAsync(cancellationToken);
            if (transactions.Count < PageSize) return;
        }
    }

    private static void Append(StringBuilder row, TransactionView transaction)
    {
        var invariant = CultureInfo.InvariantCulture;
        row.Append(transaction.TxId.ToString(invariant)).Append(',')
            .Append(transaction.Date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", invariant)).Append(',')
            .Append(transaction.Kind).Append(',')
            .Append(transaction.EnvelopeId?.ToString(invariant)).Append(',');
        AppendText(row, transaction.EnvelopeName);
        row.Append(',').Append(transaction.ToEnvelopeId?.ToString(invariant)).Append(',');
        AppendText(row, transaction.ToEnvelopeName);
        row.Append(',');
        AppendText(row, transaction.Payer);
        row.Append(',');
        AppendText(row, transaction.Description);
        row.Append(',').Append(transaction.Amount.ToString("0.00", invariant))
            .Append(',').Append(transaction.AccountBalance.ToString("0.00", invariant))
            .Append(',');
        AppendText(row, transaction.ImportId);
    }

    private static void AppendText(StringBuilder row, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        var guarded = text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
        if (guarded.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            row.Append(guarded);
            return;
        }
        row.Append('"').Append(guarded.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
