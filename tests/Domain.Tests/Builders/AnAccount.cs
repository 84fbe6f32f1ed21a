using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests.Builders;

/// <summary>
/// Builds accounts through the domain's own commands, so every fixture is an account the domain could reach:
/// <c>AnAccount.Opened(100m).WithEnvelopes("Shopping").Build()</c>.
/// </summary>
internal sealed class AnAccount
{
    public const string Id = "acc-1";
    public const string OwnerId = "user-1";
    public const string Name = "Everyday";

    private readonly decimal _openingBalance;
    private bool _canGoNegative = true;
    private readonly List<Func<Account, AccountChange>> _steps = [];

    private AnAccount(decimal openingBalance) => _openingBalance = openingBalance;

    public static AnAccount Opened(decimal openingBalance = 100m) => new(openingBalance);

    public AnAccount ThatCannotGoNegative()
    {
        _canGoNegative = false;
        return this;
    }

    public AnAccount WithEnvelopes(params string[] names) => Then(account => account.AddEnvelopes(names));

    public AnAccount WithPaymentSource(string payer, decimal amount, params Split[] splits) =>
        Then(account => account.AddPaymentSource(payer, amount, splits));

    public AnAccount WithDeposit(int envelopeId, decimal amount, string description = "deposit") =>
        Then(account => account.Deposit(envelopeId, description, amount, TestClock.Now));

    public AnAccount WithMove(int fromId, int toId, decimal amount, string description = "move") =>
        Then(account => account.Move(fromId, toId, description, amount, TestClock.Now));

    public Account Build() => BuildLedger().Account;

    public Ledger BuildLedger()
    {
        var opened = Account.Open(Id, OwnerId, Name, _openingBalance, _canGoNegative, TestClock.Now);
        var ledger = new Ledger(opened.After, [opened.Recorded!], [opened.Event]);
        foreach (var step in _steps) ledger.Apply(step);
        return ledger;
    }

    private AnAccount Then(Func<Account, AccountChange> step)
    {
        _steps.Add(step);
        return this;
    }
}
