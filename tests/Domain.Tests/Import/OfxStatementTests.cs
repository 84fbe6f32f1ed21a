using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Import;

namespace NVelopes.Domain.Tests.Import;

public sealed class OfxStatementTests
{
    [Fact]
    public void Ofx1Sgml_WithUnclosedValuesAndCrlf_ReadsEveryTransactionWithItsFitid()
    {
        const string file = "checking-sgml.ofx";
        var statement = Statements.Read(file);

        Assert.Equal(StatementFormat.Ofx, statement.Format);
        Assert.Empty(statement.Unreadable);
        Assert.Equal(
        [
            new StatementLine(Statements.LineOf(file, "<STMTTRN>", 1), new DateOnly(2024, 3, 1), 1500.00m, "PAYROLL ACME INC / DIRECT DEP", "2024030101"),
            new StatementLine(Statements.LineOf(file, "<STMTTRN>", 2), new DateOnly(2024, 3, 4), -42.17m, "SAFEWAY #1234", "2024030402"),
            new StatementLine(Statements.LineOf(file, "<STMTTRN>", 3), new DateOnly(2024, 3, 10), -120.00m, "CHECK 1042", "2024031003"),
            new StatementLine(Statements.LineOf(file, "<STMTTRN>", 4), new DateOnly(2024, 3, 15), -9.99m, "AT&T WIRELESS", "2024031504"),
        ], statement.Lines);
    }

    [Fact]
    public void Qfx_WhoseTransactionsAreNeverClosed_AndWithDecimalCommas_IsRead()
    {
        var statement = Statements.Read("unclosed-aggregates.qfx");

        Assert.Equal(
        [
            new StatementLine(Statements.LineOf("unclosed-aggregates.qfx", "FITID>A1", 1), new DateOnly(2024, 4, 2), -25.40m, "PHARMACIE CENTRALE", "A1"),
            new StatementLine(Statements.LineOf("unclosed-aggregates.qfx", "FITID>A2"), new DateOnly(2024, 4, 5), 1800.00m, "VIREMENT SALAIRE / AVRIL", "A2"),
            new StatementLine(Statements.LineOf("unclosed-aggregates.qfx", "FITID>A1", 2), new DateOnly(2024, 4, 5), -25.40m, "PHARMACIE CENTRALE", "A1"),
        ], statement.Lines);
    }

    [Fact]
    public void Ofx2Xml_CreditCardWithBomEntitiesAndAPayeeAggregate_IsRead()
    {
        var statement = Statements.Read("credit-card-xml.ofx");

        Assert.Equal(
        [
            new StatementLine(Statements.LineOf("credit-card-xml.ofx", "<STMTTRN>", 1), new DateOnly(2024, 5, 3), -64.90m, "Café de Flore", "CC-9001"),
            new StatementLine(Statements.LineOf("credit-card-xml.ofx", "<STMTTRN>", 2), new DateOnly(2024, 5, 20), 200.00m, "Payment <thank you>", "CC-9002"),
        ], statement.Lines);
    }

    [Fact]
    public void OfxContent_IsRecognisedWithoutAFileName()
    {
        var statement = StatementReader.Read(Statements.Bytes("checking-sgml.ofx"), fileName: null, StatementOptions.None);

        Assert.Equal(StatementFormat.Ofx, statement.Format);
        Assert.Equal(4, statement.Lines.Count);
    }

    [Fact]
    public void TransactionWithoutAnAmount_IsRefusedOnItsOwn()
    {
        var statement = Statements.ReadText(
            "<OFX><BANKTRANLIST>\n<STMTTRN><DTPOSTED>20240101<FITID>1<NAME>A</STMTTRN>\n<STMTTRN><DTPOSTED>20240102<TRNAMT>-1.00<FITID>2</STMTTRN>\n</BANKTRANLIST></OFX>",
            "x.ofx");

        Assert.Equal(["2"], statement.Lines.Select(l => l.BankId));
        Assert.Equal(new RefusedLine(2, "The transaction has no TRNAMT amount."), Assert.Single(statement.Unreadable));
    }

    [Fact]
    public void FileWithoutAnOfxElement_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => Statements.ReadText("OFXHEADER:100\nnothing here", "x.ofx"));

        Assert.Contains("<OFX>", refused.Message);
    }

    [Fact]
    public void MoreTransactionsThanTheLimit_IsTooLarge()
    {
        var transactions = string.Concat(Enumerable.Range(0, StatementLimits.MaxLines + 1)
            .Select(i => $"<STMTTRN><DTPOSTED>20240101<TRNAMT>1.00<FITID>{i}</STMTTRN>\n"));

        var refused = Assert.Throws<DomainException>(() => Statements.ReadText($"<OFX><BANKTRANLIST>{transactions}</BANKTRANLIST></OFX>", "x.ofx"));

        Assert.Equal(DomainErrorKind.TooLarge, refused.Kind);
    }
}
