using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Storage;

namespace NVelopes.Persistence.Tests;

/// <summary>
/// Field-by-field comparisons of what a store returns: the domain records hold immutable collections, whose
/// equality is by reference, and stores keep an instant, not its offset.
/// </summary>
internal static class StoreAssert
{
    public static async Task HoldsAsync(IAccountStore store, Ledger expected)
    {
        var stored = await store.LoadAsync(expected.Account.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(expected.Version, stored.Version);
        SameAccount(expected.Account, stored.Account);

        var history = await store.ReadTransactionsAsync(expected.Account.Id, 0, int.MaxValue, CancellationToken.None);
        SameHistory(expected.History, history);
        Assert.Equal(expected.Account.NextTransactionId, history.Count);

        var log = await store.ReadEventsAsync(expected.Account.Id, 0, int.MaxValue, CancellationToken.None);
        SameEvents(expected.Events, log);
        Assert.Equal(expected.Version, log.Count);
    }

    /// <summary>Same events, compared by their stored form: every field of every event, exactly.</summary>
    public static void SameEvents(IReadOnlyList<RecordedEvent> expected, IReadOnlyList<RecordedEvent> actual) =>
        Assert.Equal(expected.Select(RecordedEventJson.Serialize), actual.Select(RecordedEventJson.Serialize));

    public static void SameAccount(Account expected, Account actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.OwnerId, actual.OwnerId);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.CanGoNegative, actual.CanGoNegative);
        Assert.Equal(expected.Balance, actual.Balance);
        Assert.Equal(expected.NextTransactionId, actual.NextTransactionId);
        Assert.Equal(expected.IsClosed, actual.IsClosed);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.RedoableUndos, actual.RedoableUndos);
        Assert.Equal(expected.Envelopes, actual.Envelopes);
        Assert.Equal(expected.Members, actual.Members);
        Assert.Equal(expected.Invitations, actual.Invitations);
        Assert.Equal(expected.PaymentSources.Count, actual.PaymentSources.Count);
        foreach (var (want, got) in expected.PaymentSources.Zip(actual.PaymentSources))
        {
            Assert.Equal((want.Id, want.Payer, want.Amount), (got.Id, got.Payer, got.Amount));
            Assert.Equal(want.Splits.ToArray(), got.Splits.ToArray());
        }
        Assert.Equal(expected.LastScheduleId, actual.LastScheduleId);
        Assert.Equal(expected.Schedules.Select(s => s with { Fills = [] }), actual.Schedules.Select(s => s with { Fills = [] }));
        Assert.Equal(expected.Schedules.Select(s => s.Fills.ToArray()), actual.Schedules.Select(s => s.Fills.ToArray()));
    }

    public static void SameHistory(IReadOnlyList<Transaction> expected, IReadOnlyList<Transaction> actual)
    {
        Assert.Equal(expected.Select(t => t.Id), actual.Select(t => t.Id));
        foreach (var (want, got) in expected.Zip(actual)) SameTransaction(want, got);
    }

    public static void SameTransaction(Transaction expected, Transaction actual)
    {
        Assert.Equal(expected with { PaySplits = default, Date = default }, actual with { PaySplits = default, Date = default });
        Assert.Equal(expected.Date.UtcDateTime, actual.Date.UtcDateTime);
        Assert.Equal(expected.PaySplits.ToArray(), actual.PaySplits.ToArray());
    }
}
