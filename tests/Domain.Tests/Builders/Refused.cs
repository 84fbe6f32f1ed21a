using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests.Builders;

/// <summary>Asserts that a command is refused with the given kind and that the account it ran on is unchanged.</summary>
internal static class Refused
{
    public static DomainException By(Account account, Func<Account, AccountChange> command, DomainErrorKind kind)
    {
        var before = AccountState.Of(account);
        var error = Assert.Throws<DomainException>(() => command(account));
        Assert.Equal(kind, error.Kind);
        Assert.Equal(before, AccountState.Of(account));
        return error;
    }
}
