using System.Collections.Immutable;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Domain.Import;
using NVelopes.Grains.Domain.Households;
using NVelopes.Grains.Storage;

namespace NVelopes.Persistence.Tests;

/// <summary>
/// What a store should hold for one account after its commits: the account, its version, its full history and its log.
/// Commits are built with the real domain, so the tests store what the grain would store.
/// </summary>
internal sealed record Ledger(Account Account, long Version, ImmutableList<Transaction> History, ImmutableList<RecordedEvent> Events)
{
    /// <summary>A fixed instant with milliseconds and a non-UTC offset: stores keep the instant, to the millisecond.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.FromHours(2));

    public static Change Open(string accountId, string ownerId, string name = "Everyday", decimal openingBalance = 100m, bool canGoNegative = false)
    {
        var opening = Account.Open(accountId, ownerId, name, openingBalance, canGoNegative, Now);
        var nothing = new Ledger(opening.After with { NextTransactionId = 0, Balance = 0, Version = 0 }, 0, [], []);
        return new Change(nothing).Apply(opening);
    }

    public Change Begin() => new(this);

    /// <summary>One or more domain changes that will be written as one commit (as the grain's group commit does).</summary>
    internal sealed class Change(Ledger before)
    {
        private Account _account = before.Account;
        private ImmutableList<Transaction> _history = before.History;
        private ImmutableList<RecordedEvent> _events = before.Events;
        private long _firstChanged = before.Account.NextTransactionId;

        public Change Deposit(decimal amount, int envelopeId = Account.AvailableEnvelopeId, string description = "deposit") =>
            Apply(_account.Deposit(envelopeId, description, amount, Now.AddSeconds(_history.Count)));

        /// <summary>A deposit recorded at <paramref name="at"/>, for tests about dates.</summary>
        public Change DepositAt(DateTimeOffset at, decimal amount, int envelopeId = Account.AvailableEnvelopeId) =>
            Apply(_account.Deposit(envelopeId, "deposit", amount, at));

        /// <summary>A deposit recorded by another member than the owner.</summary>
        public Change DepositBy(string actor, decimal amount) =>
            Apply(_account.Deposit(Account.AvailableEnvelopeId, "deposit", amount, Now.AddSeconds(_history.Count)).RecordedBy(actor));

        public Change Debit(decimal amount, int envelopeId = Account.AvailableEnvelopeId) =>
            Apply(_account.Debit(envelopeId, "debit", amount, Now.AddSeconds(_history.Count)));

        public Change Move(int fromId, int toId, decimal amount) =>
            Apply(_account.Move(fromId, toId, "move", amount, Now.AddSeconds(_history.Count)));

        public Change Pay(int paymentSourceId, decimal amount) =>
            Apply(_account.Pay(paymentSourceId, null, amount, "pay day", null, Now.AddSeconds(_history.Count)));

        public Change AddEnvelopes(params string[] names) => Apply(_account.AddEnvelopes(names));

        public Change AddPaymentSource(string payer, decimal amount, params Split[] splits) => Apply(_account.AddPaymentSource(payer, amount, splits));

        public Change Close() => Apply(_account.Close());

        public Change AddSchedule(Grains.Domain.Schedules.ScheduleTerms terms) => Apply(_account.AddSchedule(terms, Now));

        /// <summary>Applies the oldest occurrence due at the ledger's moment.</summary>
        public Change ApplyDueOccurrence() => Apply(_account.ApplyOccurrence(_account.NextDueOccurrence(Now)!));

        /// <summary>The new lines of <paramref name="statement"/>, as the grain imports them (none of them held yet).</summary>
        public Change Import(Statement statement, int envelopeId = Account.AvailableEnvelopeId)
        {
            foreach (var change in StatementImport.Plan(_account, envelopeId, statement, new HashSet<string>()).RequireNothingRefused().Changes)
                Apply(change);
            return this;
        }

        public Change Invite(string invitationId, string username, MemberRole role) =>
            Apply(_account.Invite(invitationId, username, role, _account.OwnerId, inviteeIsMember: false, Now));

        public Change Join(string invitationId, string username, string userId) => Apply(_account.Join(invitationId, username, userId));

        public Change ChangeRole(string userId, MemberRole role) => Apply(_account.ChangeRole(userId, userId, role));

        public Change RemoveMember(string userId) => Apply(_account.RemoveMember(userId, userId));

        public Change Undo() => Apply(_account.Undo(_history[^1]));

        public Change Redo() => Apply(_account.Redo((Undone)_events.Single(e => e.Version == _account.NextRedo()).Event));

        public Change Apply(AccountChange change)
        {
            if (change.Removed is { } removed)
            {
                _history = _history.RemoveAt(_history.Count - 1);
                _firstChanged = Math.Min(_firstChanged, removed);
            }
            if (change.Recorded is { } recorded)
            {
                _history = _history.Add(recorded);
                _firstChanged = Math.Min(_firstChanged, recorded.Id);
            }
            _account = change.After;
            _events = _events.Add(new RecordedEvent(_account.Version, Now.AddSeconds(_events.Count), _account.OwnerId, Idempotent: _events.Count % 2 == 0, change.Event));
            return this;
        }

        /// <summary>The commit as the grain builds it, knowing the stored account's next transaction id.</summary>
        public AccountCommit Commit => new(_account, before.Version, _firstChanged, [.. _history.Skip((int)_firstChanged)],
            [.. _events.Skip(before.Events.Count)], StoredNextTransactionId: before.Account.NextTransactionId);

        /// <summary>The ledger once <see cref="Commit"/> is stored.</summary>
        public Ledger After => new(_account, _account.Version, _history, _events);

        /// <summary>Writes the commit and returns the ledger after it.</summary>
        public async Task<Ledger> CommitAsync(IAccountStore store)
        {
            await store.CommitAsync(Commit, CancellationToken.None);
            return After;
        }
    }
}
