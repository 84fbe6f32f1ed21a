using Orleans;

namespace NVelopes.Persistence.MongoDB.Options;

/// <summary>Options of the MongoDB account store (account state and history).</summary>
public sealed class MongoDbAccountStoreOptions : MongoDbConnectionOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Storage:MongoDB:Accounts";

    /// <summary>One document per account. Default: <c>accounts</c>.</summary>
    public string AccountsCollection { get; set; } = "accounts";

    /// <summary>One document per history entry. Default: <c>transactions</c>.</summary>
    public string TransactionsCollection { get; set; } = "transactions";

    /// <summary>One document per event of an account's log. Default: <c>events</c>.</summary>
    public string EventsCollection { get; set; } = "events";

    /// <summary>Answers of commands sent with an idempotency key. Default: <c>replies</c>.</summary>
    public string RepliesCollection { get; set; } = "replies";

    /// <summary>One document per statement line an account recorded, by its import id. Default: <c>importIds</c>.</summary>
    public string ImportIdsCollection { get; set; } = "importIds";

    /// <summary>
    /// The silo lifecycle stage at which the store checks the server and creates its indexes: before any grain can
    /// be activated. Default: <see cref="ServiceLifecycleStage.ApplicationServices"/>.
    /// </summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;
}
