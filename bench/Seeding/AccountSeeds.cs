using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;

namespace NVelopes.Bench.Seeding;

/// <summary>
/// Builds the scenarios' accounts with the domain itself (open, add envelopes, move money), as HTTP calls would,
/// so that both systems start from identical, valid accounts and histories.
/// </summary>
internal static class AccountSeeds
{
    /// <summary>Money each named envelope of a funded account starts with; envelope 0 keeps as much.</summary>
    public const decimal FundingPerEnvelope = 100m;

    /// <summary>An account with nothing in it but its opening (transaction 0).</summary>
    public static SeededAccount Empty(string ownerId, DateTimeOffset now) => Opened(ownerId, "Hot account", 0, now);

    /// <summary>An account with its opening balance in "Available" (transaction 0) and nothing else.</summary>
    public static SeededAccount Opened(string ownerId, string name, decimal openingBalance, DateTimeOffset now)
    {
        var opened = Account.Open(NewId(), ownerId, name, openingBalance, canGoNegative: false, now);
        return new SeededAccount(opened.After, [opened.Recorded!], [Logged(opened, ownerId, now)]);
    }

    /// <summary>
    /// An account with <paramref name="envelopes"/> named envelopes besides "Available", each holding
    /// <see cref="FundingPerEnvelope"/> moved from "Available" (one MOVE each), so moves between any two succeed.
    /// </summary>
    public static SeededAccount Funded(string ownerId, int envelopes, DateTimeOffset now)
    {
        var id = NewId();
        var opened = Account.Open(id, ownerId, $"Budget {id[..8]}", FundingPerEnvelope * (envelopes + 1), canGoNegative: false, now);
        var history = new List<Transaction>(envelopes + 1) { opened.Recorded! };
        var added = opened.After.AddEnvelopes(Enumerable.Range(1, envelopes).Select(i => $"Envelope {i}"));
        var events = new List<RecordedEvent>(envelopes + 2) { Logged(opened, ownerId, now), Logged(added, ownerId, now) };
        var account = added.After;
        for (var envelope = 1; envelope <= envelopes; envelope++)
        {
            var funded = account.Move(Account.AvailableEnvelopeId, envelope, "Funding", FundingPerEnvelope, now);
            account = funded.After;
            history.Add(funded.Recorded!);
            events.Add(Logged(funded, ownerId, now));
        }
        return new SeededAccount(account, history, events);
    }

    private static RecordedEvent Logged(AccountChange change, string ownerId, DateTimeOffset now) =>
        new(change.After.Version, now, ownerId, Idempotent: false, change.Event);

    public static IReadOnlyList<SeededAccount> Funded(string ownerId, int count, int envelopes, DateTimeOffset now) =>
        [.. Enumerable.Range(0, count).Select(_ => Funded(ownerId, envelopes, now))];

    private static string NewId() => Guid.NewGuid().ToString("N");
}
