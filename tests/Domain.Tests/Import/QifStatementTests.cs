using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Import;

namespace NVelopes.Domain.Tests.Import;

public sealed class QifStatementTests
{
    [Fact]
    public void QuickenBankFile_SkipsTheCategoryList_ReadsApostropheYearsSplitsAndALastRecordWithoutCaret()
    {
        var statement = Statements.Read("quicken-bank.qif");

        Assert.Equal(StatementFormat.Qif, statement.Format);
        Assert.Empty(statement.Unreadable);
        Assert.Equal(
        [
            new StatementLine(Statements.LineOf("quicken-bank.qif", "D1/ 5'24"), new DateOnly(2024, 1, 5), -1234.56m, "City Rentals / January rent"),
            new StatementLine(Statements.LineOf("quicken-bank.qif", "D1/15'24"), new DateOnly(2024, 1, 15), 2800.00m, "ACME Payroll"),
            new StatementLine(Statements.LineOf("quicken-bank.qif", "D1/20'24"), new DateOnly(2024, 1, 20), -150.00m, "Costco"),
            new StatementLine(Statements.LineOf("quicken-bank.qif", "D1/31'24"), new DateOnly(2024, 1, 31), -12.00m, "Bank fee"),
        ], statement.Lines);
    }

    [Fact]
    public void DayFirstFile_WithDecimalCommas_IsReadDayFirst()
    {
        var statement = Statements.Read("day-first.qif");

        Assert.Equal(
        [
            new StatementLine(2, new DateOnly(2024, 2, 3), -45.00m, "Boulangerie"),
            new StatementLine(6, new DateOnly(2024, 2, 25), 1200.00m, "Salaire"),
        ], statement.Lines);
    }

    [Fact]
    public void AmbiguousDates_AreMonthFirst_AsQuickenWritesThem()
    {
        var statement = Statements.ReadText("!Type:Bank\nD01/02/2024\nT-1.00\nPX\n^\n", "x.qif");

        Assert.Equal(new DateOnly(2024, 1, 2), Assert.Single(statement.Lines).Date);
    }

    [Fact]
    public void InvestmentFile_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => Statements.ReadText("!Type:Invst\nD1/1/24\nNBuy\n^\n", "x.qif"));

        Assert.Contains("Investment", refused.Message);
    }

    [Fact]
    public void QifContent_IsRecognisedWithoutAFileName()
    {
        var statement = StatementReader.Read(Statements.Bytes("day-first.qif"), fileName: null, StatementOptions.None);

        Assert.Equal(StatementFormat.Qif, statement.Format);
    }
}
