using System.Text;
using NVelopes.Api.Imports;
using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Api.Tests.Imports;

/// <summary>
/// The export streams: a history of a million transactions is read one page at a time, and each page has reached
/// the client before the next one is read, so no more than a page is ever held.
/// </summary>
public sealed class HistoryCsvTests
{
    private const int Transactions = 1_000_000;

    [Fact]
    public async Task AMillionTransactions_AreReadAPageAtATime_AndEachPageIsSentBeforeTheNextIsRead()
    {
        var output = new LineCountingStream();
        var pagesRead = new List<int>();

        await HistoryCsv.WriteAsync(output, (page, _) =>
        {
            // Everything before this page is already out of the writer: header and every row of the pages before.
            Assert.Equal(1 + (long)page * HistoryCsv.PageSize, output.Lines);
            pagesRead.Add(page);
            return Task.FromResult(PageOf(page));
        }, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, Transactions / HistoryCsv.PageSize + 1), pagesRead);
        Assert.Equal(1 + Transactions, output.Lines);
    }

    [Fact]
    public async Task Rows_QuoteWhatCsvNeedsQuoted_AndDefuseSpreadsheetFormulas()
    {
        var output = new MemoryStream();
        var transaction = new TransactionView(3, new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero), "owner", "account", "debit",
            0, "Available", null, null, null, "=HYPERLINK(\"x\"), \"quoted\"", -12.5m, 87.5m, [], "fitid:9");

        await HistoryCsv.WriteAsync(output, (page, _) => Task.FromResult<IReadOnlyList<TransactionView>>(page == 0 ? [transaction] : []),
            CancellationToken.None);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split("\r\n");
        Assert.Equal("id,date,kind,envelope_id,envelope,to_envelope_id,to_envelope,payer,description,amount,balance,import_id", lines[0]);
        Assert.Equal("3,2024-01-05T00:00:00.000Z,debit,0,Available,,,,\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\",-12.50,87.50,fitid:9", lines[1]);
    }

    private static IReadOnlyList<TransactionView> PageOf(int page)
    {
        var first = (long)page * HistoryCsv.PageSize;
        var count = (int)Math.Clamp(Transactions - first, 0, HistoryCsv.PageSize);
        return [.. Enumerable.Range(0, count).Select(i => new TransactionView(first + i, DateTimeOffset.UnixEpoch.AddMinutes(first + i),
            "owner", "account", "deposit", 0, "Available", null, null, null, "line " + (first + i), 1.00m, first + i + 1, []))];
    }

    /// <summary>Counts the lines written to it and keeps nothing.</summary>
    private sealed class LineCountingStream : Stream
    {
        public long Lines { get; private set; }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => Lines += buffer.Count((byte)'\n');

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
