using System.Globalization;
using NVelopes.Grains.Domain;

namespace NVelopes.Domain.Tests.Builders;

/// <summary>
/// Everything observable about an account, written out by value, so a test can prove a refused command changed
/// nothing without relying on reference equality of its immutable collections. Money is written by value, so
/// 6 and 6.00 read the same: decimal equality, not the scale a calculation happened to leave behind.
/// </summary>
internal static class AccountState
{
    public static string Of(Account account)
    {
        var envelopes = string.Join("; ", account.Envelopes.Select(e => $"{e.Id}:{e.Name}={M(e.Balance)}"));
        var sources = string.Join("; ", account.PaymentSources.Select(s =>
            $"{s.Id}:{s.Payer}={M(s.Amount)}[{string.Join(",", s.Splits.Select(x => $"{x.EnvelopeId}:{M(x.Amount)}"))}]"));
        var schedules = string.Join("; ", account.Schedules.Select(s =>
            $"{s.Id}:{s.Kind}:{s.Rule}:{s.Starts:yyyy-MM-dd}:{s.TimeZone}:{s.Weekend}:through={s.HandledThrough:yyyy-MM-dd}"));
        return $"{account.Id}|{account.OwnerId}|{account.Name}|negative={account.CanGoNegative}|balance={M(account.Balance)}"
            + $"|next={account.NextTransactionId}|closed={account.IsClosed}|envelopes=[{envelopes}]|sources=[{sources}]|schedules=[{schedules}]"
            + $"|members=[{string.Join("; ", account.Household.Select(m => $"{m.UserId}:{m.Role}:{m.InvitationId}"))}]"
            + $"|invitations=[{string.Join("; ", account.Invitations.Select(i => $"{i.Id}:{i.Username}:{i.Role}:{i.InvitedBy}"))}]";
    }

    private static string M(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
