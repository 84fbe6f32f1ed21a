using Microsoft.Extensions.DependencyInjection;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Storage;

namespace NVelopes.TestSupport;

/// <summary>How a <see cref="FaultInjectingAccountStore"/> behaves right now.</summary>
public enum StoreFault
{
    /// <summary>Every call reaches the real store.</summary>
    None,
    /// <summary>The store is unreachable: every call fails and nothing is read or written.</summary>
    Unreachable,
    /// <summary>Reads work and commits are applied, but the acknowledgement of each commit is lost (the call fails).</summary>
    LostAcknowledgement,
}

/// <summary>
/// Wraps the service's real account store and fails its calls on demand, as a store that went away would: the
/// embedded store's counterpart of cutting MongoDB's connections.
/// </summary>
public sealed class FaultInjectingAccountStore : IAccountStore
{
    private IAccountStore? _inner;

    /// <summary>A store to be put in a service's container with <see cref="DecorateIn"/>.</summary>
    public FaultInjectingAccountStore()
    {
    }

    /// <summary>A store around <paramref name="inner"/>, for code that is given its store directly.</summary>
    public FaultInjectingAccountStore(IAccountStore inner) => _inner = inner;

    public StoreFault Fault { get; set; }

    /// <summary>Where commits wait, before the fault in force when they go on is applied.</summary>
    public CallHold Commits { get; } = new();

    /// <summary>Where lookups of remembered replies (idempotency keys) wait, likewise.</summary>
    public CallHold ReplyLookups { get; } = new();

    /// <summary>The number of events of each commit the inner store took, oldest first.</summary>
    public IReadOnlyCollection<int> CommittedEventCounts => _committedEventCounts;
    private readonly System.Collections.Concurrent.ConcurrentQueue<int> _committedEventCounts = new();

    /// <summary>How many calls failed because of <see cref="Fault"/>.</summary>
    public int InjectedFailures => _injectedFailures;
    private int _injectedFailures;

    /// <summary>Makes the service's <see cref="IAccountStore"/> this store, wrapped around the one it registered.</summary>
    public void DecorateIn(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IAccountStore));
        services.Remove(registered);
        services.AddSingleton<IAccountStore>(provider =>
        {
            _inner = registered switch
            {
                { ImplementationInstance: IAccountStore instance } => instance,
                { ImplementationFactory: { } factory } => (IAccountStore)factory(provider),
                _ => (IAccountStore)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
            };
            return this;
        });
    }

    private IAccountStore Inner => _inner ?? throw new InvalidOperationException("The store was not resolved yet.");

    public string Name => Inner.Name;

    public Task InitializeAsync(CancellationToken cancellationToken) => Inner.InitializeAsync(cancellationToken);

    public Task<StoredAccount?> LoadAsync(string accountId, CancellationToken cancellationToken)
    {
        FailIfUnreachable();
        return Inner.LoadAsync(accountId, cancellationToken);
    }

    public async Task CommitAsync(AccountCommit commit, CancellationToken cancellationToken)
    {
        await Commits.PassAsync();
        FailIfUnreachable();
        await Inner.CommitAsync(commit, cancellationToken);
        _committedEventCounts.Enqueue(commit.Events.Count);
        if (Fault == StoreFault.LostAcknowledgement) throw Injected();
    }

    public Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(string accountId, long afterVersion, int count, CancellationToken cancellationToken)
    {
        FailIfUnreachable();
        return Inner.ReadEventsAsync(accountId, afterVersion, count, cancellationToken);
    }

    public Task<IReadOnlyList<Transaction>> ReadTransactionsAsync(string accountId, long fromId, int count, CancellationToken cancellationToken)
    {
        FailIfUnreachable();
        return Inner.ReadTransactionsAsync(accountId, fromId, count, cancellationToken);
    }

    public IAsyncEnumerable<Transaction> ReadTransactionsDatedAsync(
        string accountId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        FailIfUnreachable();
        return Inner.ReadTransactionsDatedAsync(accountId, from, until, cancellationToken);
    }

    public async Task<RememberedReply?> FindReplyAsync(string accountId, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ReplyLookups.PassAsync();
        FailIfUnreachable();
        return await Inner.FindReplyAsync(accountId, key, now, cancellationToken);
    }

    public Task<IReadOnlySet<string>> FindImportIdsAsync(string accountId, IReadOnlyCollection<string> importIds, CancellationToken cancellationToken)
    {
        FailIfUnreachable();
        return Inner.FindImportIdsAsync(accountId, importIds, cancellationToken);
    }

    public Task<IReadOnlyList<AccountSummary>> ListAccountsAsync(string ownerId, CancellationToken cancellationToken)
    {
        FailIfUnreachable();
        return Inner.ListAccountsAsync(ownerId, cancellationToken);
    }

    private void FailIfUnreachable()
    {
        if (Fault == StoreFault.Unreachable) throw Injected();
    }

    private IOException Injected()
    {
        Interlocked.Increment(ref _injectedFailures);
        return new IOException($"Injected store fault: {Fault}.");
    }
}
