using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace NVelopes.Persistence.MongoDB.Reminders;

/// <summary>
/// Orleans reminders on MongoDB: one document per (service, grain, reminder name), with the grain's uniform hash
/// indexed so a silo reads the reminders of its share of the ring as one range. An upsert always lands and gets a
/// new ETag; a removal lands only at the document's current ETag. Every operation is bounded by the options' timeout.
/// </summary>
internal sealed partial class MongoDbReminderTable(
    IOptions<MongoDbReminderOptions> options,
    IOptions<ClusterOptions> clusterOptions,
    MongoDbClientFactory clients,
    ILogger<MongoDbReminderTable> logger) : IReminderTable
{
    private const int UpsertAttempts = 3;

    private readonly MongoDbReminderOptions _options = options.Value;
    private readonly string _serviceId = clusterOptions.Value.ServiceId;
    private readonly Lazy<IMongoCollection<ReminderDocument>> _reminders =
        new(() => clients.GetDatabase(options.Value).GetCollection<ReminderDocument>(options.Value.CollectionName));

    private static FilterDefinitionBuilder<ReminderDocument> Filter => Builders<ReminderDocument>.Filter;

    private IMongoCollection<ReminderDocument> Reminders => _reminders.Value;

    public Task Init() => StartAsync(CancellationToken.None);

    /// <summary>Creates the indexes the reads go through; creating an index that exists is a no-op, so every silo does it.</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        RunAsync("creating the reminder indexes", async token =>
        {
            var keys = Builders<ReminderDocument>.IndexKeys;
            await Reminders.Indexes.CreateManyAsync(
            [
                new CreateIndexModel<ReminderDocument>(keys.Ascending(r => r.Id.ServiceId).Ascending(r => r.GrainHash),
                    new CreateIndexOptions { Name = "serviceId_grainHash" }),
                new CreateIndexModel<ReminderDocument>(keys.Ascending(r => r.Id.ServiceId).Ascending(r => r.Id.GrainId),
                    new CreateIndexOptions { Name = "serviceId_grainId" }),
            ], token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        ReadAsync($"reading the reminders of {grainId}",
            Filter.Eq(r => r.Id.ServiceId, _serviceId) & Filter.Eq(r => r.Id.GrainId, grainId.ToString()), cancellationToken);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>The reminders whose grain hash is in (begin, end]; when begin is not below end the range wraps around the ring.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        var after = Filter.Gt(r => r.GrainHash, (long)begin);
        var upTo = Filter.Lte(r => r.GrainHash, (long)end);
        var range = begin < end ? after & upTo : after | upTo;
        return ReadAsync($"reading the reminders in ({begin}, {end}]", Filter.Eq(r => r.Id.ServiceId, _serviceId) & range, cancellationToken);
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync($"reading reminder {reminderName} of {grainId}", Filter.Eq(r => r.Id, KeyOf(grainId, reminderName)), cancellationToken)
            .ConfigureAwait(false);
        return rows.Reminders.SingleOrDefault();
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <summary>
    /// Writes the reminder with a new ETag. Two upserts of a missing reminder may both try to insert it; the one that
    /// loses sees a duplicate key and replaces the winner's document instead, as a later upsert would.
    /// </summary>
    public Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken) =>
        RunAsync<string?>($"writing reminder {entry.ReminderName} of {entry.GrainId}", async token =>
        {
            var document = new ReminderDocument
            {
                Id = KeyOf(entry.GrainId, entry.ReminderName),
                GrainHash = entry.GrainId.GetUniformHashCode(),
                StartAt = DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc),
                PeriodTicks = entry.Period.Ticks,
                ETag = Guid.NewGuid().ToString("N"),
            };
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await Reminders.ReplaceOneAsync(Filter.Eq(r => r.Id, document.Id), document, new ReplaceOptions { IsUpsert = true }, token)
                        .ConfigureAwait(false);
                    return document.ETag;
                }
                catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey && attempt < UpsertAttempts)
                {
                    // A concurrent upsert inserted it first; the document exists now, so the next attempt replaces it.
                }
            }
        }, cancellationToken);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken) =>
        RunAsync($"removing reminder {reminderName} of {grainId}", async token =>
        {
            var result = await Reminders.DeleteOneAsync(
                Filter.Eq(r => r.Id, KeyOf(grainId, reminderName)) & Filter.Eq(r => r.ETag, eTag), token).ConfigureAwait(false);
            return result.DeletedCount == 1;
        }, cancellationToken);

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    public Task TestOnlyClearTable(CancellationToken cancellationToken) =>
        RunAsync($"clearing the reminders of service {_serviceId}", async token =>
        {
            await Reminders.DeleteManyAsync(Filter.Eq(r => r.Id.ServiceId, _serviceId), token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private ReminderKey KeyOf(GrainId grainId, string reminderName) =>
        new() { ServiceId = _serviceId, GrainId = grainId.ToString(), Name = reminderName };

    private Task<ReminderTableData> ReadAsync(string description, FilterDefinition<ReminderDocument> filter, CancellationToken cancellationToken) =>
        RunAsync(description, async token =>
        {
            var documents = await Reminders.Find(filter).ToListAsync(token).ConfigureAwait(false);
            return new ReminderTableData(documents.Select(d => new ReminderEntry
            {
                GrainId = GrainId.Parse(d.Id.GrainId),
                ReminderName = d.Id.Name,
                StartAt = DateTime.SpecifyKind(d.StartAt, DateTimeKind.Utc),
                Period = TimeSpan.FromTicks(d.PeriodTicks),
                ETag = d.ETag,
            }));
        }, cancellationToken);

    /// <summary>Runs one operation under the options' time limit; any other failure than the caller's cancellation is logged and wrapped.</summary>
    private async Task<T> RunAsync<T>(string description, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await MongoDbOperation.RunAsync(_options.OperationTimeout, description, operation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogOperationFailed(ex, description, _serviceId);
            throw new MongoDbReminderException($"MongoDB reminders failed {description} (service {_serviceId}): {ex.Message}", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "MongoDB reminders failed {Operation} (service {ServiceId})")]
    private partial void LogOperationFailed(Exception exception, string operation, string serviceId);
}
