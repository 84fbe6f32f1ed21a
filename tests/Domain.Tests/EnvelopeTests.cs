using NVelopes.Domain.Tests.Builders;
using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests;

public sealed class EnvelopeTests
{
    [Fact]
    public void AddEnvelopes_TwoNames_TakeIdsOneAndTwoWithZeroBalance()
    {
        var account = AnAccount.Opened(100m).Build();

        var after = account.AddEnvelopes(["Shopping", "Bills"]).After;

        Assert.Equal(
            new[] { new Envelope(0, "Available", 100m), new Envelope(1, "Shopping", 0m), new Envelope(2, "Bills", 0m) },
            after.Envelopes);
    }

    [Fact]
    public void AddEnvelopes_SingleName_TakesTheNextId()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping", "Bills").Build();

        var after = account.AddEnvelopes(["Holidays"]).After;

        Assert.Equal(new Envelope(3, "Holidays", 0m), after.EnvelopeById(3));
        Assert.Equal(4, after.Envelopes.Count);
    }

    [Fact]
    public void Envelopes_ListInIdOrderStartingWithAvailable()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").WithEnvelopes("Bills", "Holidays").Build();

        Assert.Equal(new[] { 0, 1, 2, 3 }, account.Envelopes.Select(e => e.Id));
        Assert.Equal(new[] { "Available", "Shopping", "Bills", "Holidays" }, account.EnvelopeNames());
    }

    [Fact]
    public void AddEnvelopes_RecordsNoTransactionAndMovesNoMoney()
    {
        var account = AnAccount.Opened(100m).Build();

        var change = account.AddEnvelopes(["Shopping"]);

        Assert.Null(change.Recorded);
        Assert.Equal(100m, change.After.Balance);
        Assert.Equal(account.NextTransactionId, change.After.NextTransactionId);
    }

    [Fact]
    public void AddEnvelopes_LeavesTheOriginalAccountAsItWas()
    {
        var account = AnAccount.Opened(100m).Build();
        var before = AccountState.Of(account);

        account.AddEnvelopes(["Shopping"]);

        Assert.Equal(before, AccountState.Of(account));
    }

    [Fact]
    public void AddEnvelopes_TrimsNames()
    {
        var account = AnAccount.Opened(100m).Build();

        var after = account.AddEnvelopes(["  Shopping\t"]).After;

        Assert.Equal("Shopping", after.EnvelopeById(1).Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void AddEnvelopes_BlankName_IsRefused(string name)
    {
        var account = AnAccount.Opened(100m).Build();

        Refused.By(account, a => a.AddEnvelopes([name]), DomainErrorKind.Invalid);
    }

    [Fact]
    public void AddEnvelopes_NameOfHundredCharactersAfterTrimming_IsAccepted()
    {
        var account = AnAccount.Opened(100m).Build();
        var name = new string('n', 100);

        var after = account.AddEnvelopes(["  " + name + "  "]).After;

        Assert.Equal(name, after.EnvelopeById(1).Name);
    }

    [Fact]
    public void AddEnvelopes_NameLongerThanHundredCharacters_IsRefused()
    {
        var account = AnAccount.Opened(100m).Build();

        Refused.By(account, a => a.AddEnvelopes([new string('n', 101)]), DomainErrorKind.Invalid);
    }

    [Fact]
    public void AddEnvelopes_NoNames_IsRefused()
    {
        var account = AnAccount.Opened(100m).Build();

        Refused.By(account, a => a.AddEnvelopes([]), DomainErrorKind.Invalid);
    }

    [Theory]
    [InlineData("Shopping")]
    [InlineData("shopping")]
    [InlineData("SHOPPING")]
    [InlineData(" Shopping ")]
    [InlineData("available")]
    public void AddEnvelopes_NameAlreadyTakenInAnyCase_IsConflict(string name)
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").Build();

        Refused.By(account, a => a.AddEnvelopes([name]), DomainErrorKind.Conflict);
    }

    [Fact]
    public void AddEnvelopes_SameNameTwiceInOneCall_IsConflictAndAddsNeither()
    {
        var account = AnAccount.Opened(100m).Build();

        Refused.By(account, a => a.AddEnvelopes(["Bills", "BILLS"]), DomainErrorKind.Conflict);
    }

    [Fact]
    public void AddEnvelopes_OneBadNameAmongGoodOnes_AddsNone()
    {
        var account = AnAccount.Opened(100m).Build();

        Refused.By(account, a => a.AddEnvelopes(["Bills", " ", "Holidays"]), DomainErrorKind.Invalid);
    }

    [Fact]
    public void RenameEnvelope_KnownEnvelope_TakesTheNewNameAndKeepsItsMoney()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").WithMove(0, 1, 30m).Build();

        var change = account.RenameEnvelope(1, "Groceries");

        Assert.Equal(new Envelope(1, "Groceries", 30m), change.After.EnvelopeById(1));
        Assert.Null(change.Recorded);
        Assert.Equal(account.NextTransactionId, change.After.NextTransactionId);
        Assert.Equal("Shopping", account.EnvelopeById(1).Name);
    }

    [Fact]
    public void RenameEnvelope_Available_RenamesEnvelopeZero()
    {
        var account = AnAccount.Opened(100m).Build();

        var after = account.RenameEnvelope(0, "Unallocated").After;

        Assert.Equal(new Envelope(0, "Unallocated", 100m), Assert.Single(after.Envelopes));
    }

    [Fact]
    public void RenameEnvelope_TrimsTheNewName()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").Build();

        var after = account.RenameEnvelope(1, "  Groceries ").After;

        Assert.Equal("Groceries", after.EnvelopeById(1).Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RenameEnvelope_ToBlankName_IsRefused(string name)
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").Build();

        Refused.By(account, a => a.RenameEnvelope(1, name), DomainErrorKind.Invalid);
    }

    [Fact]
    public void RenameEnvelope_ToNameLongerThanHundredCharacters_IsRefused()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").Build();

        Refused.By(account, a => a.RenameEnvelope(1, new string('n', 101)), DomainErrorKind.Invalid);
    }

    [Fact]
    public void RenameEnvelope_UnknownId_IsNotFound()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").Build();

        var error = Refused.By(account, a => a.RenameEnvelope(99, "Groceries"), DomainErrorKind.NotFound);

        Assert.Equal("No envelope exists with id: 99", error.Message);
    }

    [Fact]
    public void RenameEnvelope_NegativeId_IsNotFound()
    {
        var account = AnAccount.Opened(100m).Build();

        Refused.By(account, a => a.RenameEnvelope(-1, "Groceries"), DomainErrorKind.NotFound);
    }

    [Theory]
    [InlineData("Bills")]
    [InlineData("bills")]
    [InlineData("AVAILABLE")]
    public void RenameEnvelope_ToAnotherEnvelopesNameInAnyCase_IsConflict(string name)
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping", "Bills").Build();

        Refused.By(account, a => a.RenameEnvelope(1, name), DomainErrorKind.Conflict);
    }

    [Fact]
    public void RenameEnvelope_ToItsOwnNameInAnotherCase_IsAllowed()
    {
        var account = AnAccount.Opened(100m).WithEnvelopes("Shopping").Build();

        var after = account.RenameEnvelope(1, "SHOPPING").After;

        Assert.Equal("SHOPPING", after.EnvelopeById(1).Name);
    }
}
