using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Import;

namespace NVelopes.Domain.Tests.Import;

public sealed class CsvStatementTests
{
    [Fact]
    public void UkStatement_WithBomCrlfAndTrailingSeparators_ReadsEveryLineDayFirst()
    {
        var statement = Statements.Read("uk-current-account.csv");

        Assert.Equal(StatementFormat.Csv, statement.Format);
        Assert.Empty(statement.Unreadable);
        Assert.Equal(
        [
            new StatementLine(2, new DateOnly(2024, 3, 5), 2500.00m, "SALARY ACME LTD, MARCH"),
            new StatementLine(3, new DateOnly(2024, 3, 3), -3.20m, "CARD PAYMENT TO COFFEE CORNER"),
            new StatementLine(4, new DateOnly(2024, 3, 3), -3.20m, "CARD PAYMENT TO COFFEE CORNER"),
            new StatementLine(5, new DateOnly(2024, 3, 14), -84.17m, "DIRECT DEBIT CITY ENERGY"),
            new StatementLine(6, new DateOnly(2024, 3, 28), -23.45m, "TESCO STORES 2231 \"EXPRESS\""),
        ], statement.Lines);
    }

    [Fact]
    public void GermanStatement_InWindows1252WithPreambleSemicolonsAndDecimalCommas_ReadsFromTheHeaderOn()
    {
        var statement = Statements.Read("de-girokonto.csv");

        Assert.Empty(statement.Unreadable);
        Assert.Equal(
        [
            new StatementLine(6, new DateOnly(2024, 2, 1), 3150.00m, "Gehalt Müller GmbH"),
            new StatementLine(7, new DateOnly(2024, 2, 2), -1234.56m, "Miete Februar"),
            new StatementLine(8, new DateOnly(2024, 2, 15), -4.5m, "Bäckerei Schön"),
            new StatementLine(9, new DateOnly(2024, 2, 29), -7.90m, "Kontoführung"),
        ], statement.Lines);
    }

    [Fact]
    public void PaidInAndPaidOutColumns_GiveSignedAmounts_AndAClosingBalanceRowIsNoTransaction()
    {
        var statement = Statements.Read("paid-in-paid-out.csv");

        Assert.Empty(statement.Unreadable);
        Assert.Equal([500.00m, -35.00m, 49.99m], statement.Lines.Select(l => l.Amount));
        Assert.Equal(["Opening transfer", "Gym membership", "Refund shoe shop"], statement.Lines.Select(l => l.Description));
    }

    [Fact]
    public void FileWithoutHeader_HasItsColumnsFoundByTheirContent()
    {
        var statement = Statements.Read("no-header.csv");

        Assert.Equal(
        [
            new StatementLine(1, new DateOnly(2024, 6, 1), -12.50m, "SUPERMARKT"),
            new StatementLine(2, new DateOnly(2024, 6, 3), -2.10m, "BUS TICKET"),
            new StatementLine(3, new DateOnly(2024, 6, 7), 1000.00m, "GEHALT"),
        ], statement.Lines);
    }

    [Fact]
    public void UnreadableAmount_RefusesThatLineWithItsNumberAndReason()
    {
        var statement = Statements.Read("unreadable-line.csv");

        Assert.Equal([2, 4], statement.Lines.Select(l => l.Line));
        var refused = Assert.Single(statement.Unreadable);
        Assert.Equal(3, refused.Line);
        Assert.Contains("'twelve' is not an amount", refused.Reason);
    }

    [Fact]
    public void DescriptionOverTwoLines_LeavesTheLineNumbersOfTheLinesAfterItAsInTheFile()
    {
        var statement = Statements.ReadText("Date,Amount,Description\r\n2024-01-01,-1.00,\"two\r\nlines\"\r\n\r\n2024-01-02,x,broken\r\n");

        Assert.Equal("two\r\nlines", Assert.Single(statement.Lines).Description);
        Assert.Equal(5, Assert.Single(statement.Unreadable).Line);
    }

    [Fact]
    public void ColumnsNamedByTheUser_ByHeaderOrNumber_AreTheOnesRead()
    {
        var statement = Statements.ReadText("When,How much,What\n2024-07-01,-5.00,Parking\n2024-07-02,7.25,Cashback\n",
            options: new StatementOptions(DateColumn: "when", AmountColumn: "How much", DescriptionColumn: "3"));

        Assert.Equal(
        [
            new StatementLine(2, new DateOnly(2024, 7, 1), -5.00m, "Parking"),
            new StatementLine(3, new DateOnly(2024, 7, 2), 7.25m, "Cashback"),
        ], statement.Lines);
    }

    [Fact]
    public void DatesThatReadDayOrMonthFirst_AreRefusedUntilTheFormatIsNamed()
    {
        const string text = "Date,Amount,Description\n01/02/2024,5.00,A\n03/04/2024,6.00,B\n";

        var ambiguous = Assert.Throws<DomainException>(() => Statements.ReadText(text));
        Assert.Contains("date_format", ambiguous.Message);

        var statement = Statements.ReadText(text, options: new StatementOptions(DateFormat: "dd/MM/yyyy"));
        Assert.Equal([new DateOnly(2024, 2, 1), new DateOnly(2024, 4, 3)], statement.Lines.Select(l => l.Date));
    }

    [Theory]
    [InlineData("2024-01-31", "(12.50)", -12.50)]
    [InlineData("31.01.2024", "12,50-", -12.50)]
    [InlineData("31 Jan 2024", "€ 1.234,50", 1234.50)]
    [InlineData("2024-01-31T10:15:00Z", "$1,234.50", 1234.50)]
    [InlineData("01/31/2024", "12.50 DR", -12.50)]
    [InlineData("2024/01/31", "+7", 7)]
    public void BanksSpellings_OfDatesAndAmounts_AreRead(string date, string amount, decimal expected)
    {
        var statement = Statements.ReadText($"Date;Amount\n{date};{amount}\n");

        var line = Assert.Single(statement.Lines);
        Assert.Equal(new DateOnly(2024, 1, 31), line.Date);
        Assert.Equal(expected, line.Amount);
    }

    [Fact]
    public void NoColumnOfDates_RefusesTheFileAndSaysHowToNameIt()
    {
        var refused = Assert.Throws<DomainException>(() => Statements.ReadText("a,b\nx,y\n"));

        Assert.Contains("date_column", refused.Message);
    }

    [Fact]
    public void MoreThanTheLimitOfLines_IsTooLarge()
    {
        var text = "Date,Amount,Description\n" + string.Concat(Enumerable.Repeat("2024-01-01,1.00,x\n", StatementLimits.MaxLines + 1));

        var refused = Assert.Throws<DomainException>(() => Statements.ReadText(text));

        Assert.Equal(DomainErrorKind.TooLarge, refused.Kind);
        Assert.Equal(StatementLimits.MaxLines, Statements.ReadText(text[..text.LastIndexOf("2024", StringComparison.Ordinal)]).Lines.Count);
    }

    [Fact]
    public void FileOverTheByteLimit_IsTooLarge_BeforeAnythingIsRead()
    {
        var refused = Assert.Throws<DomainException>(() =>
            StatementReader.Read(new byte[StatementLimits.MaxBytes + 1], "big.csv", StatementOptions.None));

        Assert.Equal(DomainErrorKind.TooLarge, refused.Kind);
    }
}
