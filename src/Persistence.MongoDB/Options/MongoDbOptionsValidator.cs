using MongoDB.Driver;
using Orleans;
using Orleans.Runtime;

namespace NVelopes.Persistence.MongoDB.Options;

/// <summary>
/// Checks a MongoDB provider's options when the silo starts, so a missing connection string stops the silo with a
/// message that names the provider and the setting instead of failing at the first grain call.
/// </summary>
internal sealed class MongoDbOptionsValidator<TOptions>(TOptions options, string providerName) : IConfigurationValidator
    where TOptions : MongoDbConnectionOptions
{
    public void ValidateConfiguration()
    {
        var problems = FindProblems().ToList();
        if (problems.Count > 0)
            throw new OrleansConfigurationException($"Invalid configuration for {providerName}: {string.Join(" ", problems)}");
    }

    private IEnumerable<string> FindProblems()
    {
        var optionsName = typeof(TOptions).Name;
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            yield return $"{optionsName}.{nameof(options.ConnectionString)} is required (for example from ConnectionStrings:{MongoDbConnectionOptions.ConnectionStringName}).";
        }
        else if (!IsValidConnectionString(options.ConnectionString))
        {
            yield return $"{optionsName}.{nameof(options.ConnectionString)} is not a valid MongoDB connection string.";
        }
        if (options.OperationTimeout <= TimeSpan.Zero)
            yield return $"{optionsName}.{nameof(options.OperationTimeout)} must be greater than zero.";
        if (string.IsNullOrWhiteSpace(options.WriteConcern))
            yield return $"{optionsName}.{nameof(options.WriteConcern)} must be 'majority' or a number of members.";

        switch (options)
        {
            case MongoDbGrainStorageOptions { CollectionPrefix: var prefix } when string.IsNullOrWhiteSpace(prefix):
                yield return $"{optionsName}.{nameof(MongoDbGrainStorageOptions.CollectionPrefix)} is required.";
                break;
            case MongoDbGrainStorageOptions { GrainStorageSerializer: null }:
                yield return $"{optionsName}.{nameof(MongoDbGrainStorageOptions.GrainStorageSerializer)} is required.";
                break;
            case MongoDbAccountStoreOptions accounts
                when string.IsNullOrWhiteSpace(accounts.AccountsCollection) || string.IsNullOrWhiteSpace(accounts.TransactionsCollection):
                yield return $"{optionsName}.{nameof(MongoDbAccountStoreOptions.AccountsCollection)} and {nameof(MongoDbAccountStoreOptions.TransactionsCollection)} are required.";
                break;
        }
    }

    private static bool IsValidConnectionString(string connectionString)
    {
        try
        {
            MongoUrl.Create(connectionString);
            return true;
        }
        catch (MongoConfigurationException)
        {
            return false;
        }
    }
}
