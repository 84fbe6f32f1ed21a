using Orleans;

namespace NVelopes.Persistence.MongoDB.Options;

/// <summary>
/// Where and how a MongoDB provider of NVelopes connects: shared by the account store, the grain storage and the
/// cluster membership, so every concern configures its server the same way.
/// </summary>
public abstract class MongoDbConnectionOptions
{
    /// <summary>The name under <c>ConnectionStrings</c> that the hosts read the MongoDB connection string from.</summary>
    public const string ConnectionStringName = "MongoDB";

    /// <summary>The database used when neither <see cref="DatabaseName"/> nor the connection string's path names one.</summary>
    public const string DefaultDatabaseName = "nvelopes";

    /// <summary>
    /// A standard MongoDB connection string (<c>mongodb://</c> or <c>mongodb+srv://</c>). Required. Its path names the
    /// database (<c>mongodb://host/budget?replicaSet=rs0</c>); it is redacted from option logs.
    /// </summary>
    [RedactMongoDbConnectionString]
    public string? ConnectionString { get; set; }

    /// <summary>Overrides the database named by the connection string. Default: the connection string's, else <c>nvelopes</c>.</summary>
    public string? DatabaseName { get; set; }

    /// <summary>
    /// How long one storage operation (server selection, the command, a whole commit with its retries) may take
    /// before it fails with a <see cref="TimeoutException"/>, so an unreachable server fails fast. Default: 5 seconds.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The <c>w</c> of the write concern: <c>majority</c> (default) or a number of members. A write is acknowledged
    /// only once that many members hold it, so a fail-over never loses an acknowledged commit.
    /// </summary>
    public string WriteConcern { get; set; } = "majority";

    /// <summary>Whether an acknowledged write must be in the on-disk journal (<c>j: true</c>). Default: true.</summary>
    public bool Journal { get; set; } = true;
}
