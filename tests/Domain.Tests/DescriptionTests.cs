using NVelopes.Domain.Tests.Builders;
using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests;

/// <summary>Every command that records a transaction takes a description of at most 200 characters.</summary>
public sealed class DescriptionTests
{
    public static TheoryData<string> Commands => new() { "deposit", "debit", "atm", "move", "pay" };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_WithDescriptionOfTwoHundredCharacters_RecordsIt(string command)
    {
        var description = new string('d', 200);

        var recorded = Run(command, Account(), description).Recorded!;

        Assert.Equal(description, recorded.Description);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_WithDescriptionLongerThanTwoHundredCharacters_IsRefused(string command)
    {
        Refused.By(Account(), a => Run(command, a, new string('d', 201)), DomainErrorKind.Invalid);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_WithPaddedDescription_RecordsItTrimmed(string command)
    {
        var recorded = Run(command, Account(), "  Weekly shop  ").Recorded!;

        Assert.Equal("Weekly shop", recorded.Description);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_WithEmptyDescription_IsAllowed(string command)
    {
        var change = Run(command, Account(), "");

        Assert.NotNull(change.Recorded);
        Assert.Equal(Account().NextTransactionId + 1, change.After.NextTransactionId);
    }

    private static Account Account() =>
        AnAccount.Opened(100m).WithEnvelopes("Shopping").WithPaymentSource("ACME Ltd.", 10m).Build();

    /// <summary>PAY stores "{payer} - {description}", as the original did; the rest store the description.</summary>
    private static AccountChange Run(string command, Account account, string description) => command switch
    {
        "deposit" => account.Deposit(0, description, 1m, TestClock.Now),
        "debit" => account.Debit(0, description, 1m, TestClock.Now),
        "atm" => account.WithdrawCash(0, description, 1m, TestClock.Now),
        "move" => account.Move(0, 1, description, 1m, TestClock.Now),
        "pay" => account.Pay(0, "ACME Ltd.", 10m, description, null, TestClock.Now),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };
}
