using NVelopes.Domain.Tests.Builders;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Domain.Import;

namespace NVelopes.Domain.Tests.Import;

public sealed class StatementImportTests
{
    private static readonly IReadOnlySet<string> NothingHeld = new HashSet<string>();

    [Fact]
    public void EveryLine_IsADepositOrADebitOfTheEnvelope_OldestFirst_DatedItsBookingDate_WithItsImportId()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Current").Build();
        var statement = Statements.Read("uk-current-account.csv");

        var plan = StatementImport.Plan(account, envelopeId: 1, statement, NothingHeld);

        Assert.Empty(plan.Refused);
        Assert.Empty(plan.Duplicates);
        Assert.Equal([3, 4, 2, 5, 6], plan.New.Select(l => l.Line));
        var transactions = plan.Changes.Select(c => ((MoneyEvent)c.Event).Transaction).ToList();
        Assert.Equal([TransactionKind.Debit, TransactionKind.Debit, TransactionKind.Deposit, TransactionKind.Debit, TransactionKind.Debit],
            transactions.Select(t => t.Kind));
        Assert.All(transactions, t => Assert.Equal(1, t.EnvelopeId));
        Assert.Equal(new DateTimeOffset(2024, 3, 3, 0, 0, 0, TimeSpan.Zero), transactions[0].Date);
        Assert.Equal(plan.New.Select(l => l.ImportId), transactions.Select(t => t.ImportId));
        Assert.Equal(100m + 2500.00m - 3.20m - 3.20m - 84.17m - 23.45m, plan.After.Balance);
        Assert.Equal(plan.After.Balance - 100m, plan.After.Envelopes[1].Balance);
        Assert.Equal(account.NextTransactionId + 5, plan.After.NextTransactionId);
    }

    [Fact]
    public void IdenticalLinesOfOneFile_AreTwoLines_WithTwoIds()
    {
        var ids = ImportIds.Of(Statements.Read("uk-current-account.csv").Lines);

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith(ImportIds.ContentPrefix, id));
    }

    [Fact]
    public void TheSameFileAgain_ImportsNothing_EveryLineIsADuplicate()
    {
        var account = AnAccount.Opened(100m).Build();
        var first = StatementImport.Plan(account, 0, Statements.Read("uk-current-account.csv"), NothingHeld);

        var again = StatementImport.Plan(first.After, 0, Statements.Read("uk-current-account.csv"), Held(first));

        Assert.Empty(again.New);
        Assert.Empty(again.Changes);
        Assert.Equal(first.New.Select(l => l.ImportId).Order(), again.Duplicates.Select(l => l.ImportId).Order());
    }

    [Fact]
    public void AnOverlappingStatement_ImportsOnlyItsNewLines()
    {
        var account = AnAccount.Opened(100m).Build();
        var first = StatementImport.Plan(account, 0, Statements.Read("uk-current-account.csv"), NothingHeld);

        var next = StatementImport.Plan(first.After, 0, Statements.Read("uk-current-account-next.csv"), Held(first));

        Assert.Equal(["CARD PAYMENT TO COFFEE CORNER", "SALARY ACME LTD, APRIL"], next.New.Select(l => l.Description));
        Assert.Equal(["DIRECT DEBIT CITY ENERGY", "TESCO STORES 2231 \"EXPRESS\""], next.Duplicates.Select(l => l.Description));
    }

    [Fact]
    public void ARepeatedFitidInOneFile_IsADuplicateOfTheFirst()
    {
        var plan = StatementImport.Plan(AnAccount.Opened(100m).Build(), 0, Statements.Read("unclosed-aggregates.qfx"), NothingHeld);

        Assert.Equal(["fitid:A1", "fitid:A2"], plan.New.Select(l => l.ImportId));
        var duplicate = Assert.Single(plan.Duplicates);
        Assert.Equal("fitid:A1", duplicate.ImportId);
    }

    [Fact]
    public void ADebitBeyondTheEnvelope_OfAnAccountThatCannotGoNegative_IsRefused_AndTheLinesAfterAreCheckedWithoutIt()
    {
        var account = AnAccount.Opened(10m).ThatCannotGoNegative().Build();
        var statement = Statements.ReadText("Date,Amount,Description\n2024-01-01,-4.00,a\n2024-01-02,-50.00,b\n2024-01-03,-6.00,c\n");

        var plan = StatementImport.Plan(account, 0, statement, NothingHeld);

        Assert.Equal([2, 4], plan.New.Select(l => l.Line));
        var refused = Assert.Single(plan.Refused);
        Assert.Equal(3, refused.Line);
        Assert.Contains("Cannot debit more than is available", refused.Reason);
        Assert.Equal(0m, plan.After.Balance);

        var real = Assert.Throws<DomainException>(() => plan.RequireNothingRefused());
        Assert.StartsWith("Line 3: Cannot debit more", real.Message);
        Assert.Contains("Nothing was imported", real.Message);
    }

    [Fact]
    public void UnreadableLinesAndRuleRefusals_AreListedTogether_ByLine()
    {
        var statement = Statements.ReadText("Date,Amount,Description\n2024-01-01,0.00,zero\n2024-01-02,abc,bad\n2024-01-03,1.005,cents\n");

        var plan = StatementImport.Plan(AnAccount.Opened(10m).Build(), 0, statement, NothingHeld);

        Assert.Empty(plan.New);
        Assert.Equal([2, 3, 4], plan.Refused.Select(r => r.Line));
        Assert.Contains("greater than 0", plan.Refused[0].Reason);
        Assert.Contains("whole number of cents", plan.Refused[2].Reason);
    }

    [Fact]
    public void ABankTextLongerThanADescription_IsShortened_NotRefused()
    {
        var statement = Statements.ReadText($"Date,Amount,Description\n2024-01-01,1.00,{new string('x', 300)}\n");

        var plan = StatementImport.Plan(AnAccount.Opened(10m).Build(), 0, statement, NothingHeld);

        Assert.Equal(Text.MaximumDescriptionLength, Assert.Single(plan.New).Description.Length);
    }

    [Fact]
    public void AnUnknownEnvelope_IsNotFound()
    {
        var refused = Assert.Throws<DomainException>(() =>
            StatementImport.Plan(AnAccount.Opened(10m).Build(), 7, Statements.Read("no-header.csv"), NothingHeld));

        Assert.Equal(DomainErrorKind.NotFound, refused.Kind);
    }

    private static HashSet<string> Held(ImportPlan plan) => [.. plan.New.Select(l => l.ImportId)];
}
