using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests.Builders;

internal static class AccountExtensions
{
    /// <summary>Every envelope's balance, in id order, for one-line assertions.</summary>
    public static decimal[] Balances(this Account account) => [.. account.Envelopes.Select(e => e.Balance)];

    public static string[] EnvelopeNames(this Account account) => [.. account.Envelopes.Select(e => e.Name)];
}
