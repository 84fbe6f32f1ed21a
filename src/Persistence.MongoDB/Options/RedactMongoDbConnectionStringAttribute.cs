using MongoDB.Driver;
using MongoDB.Driver.Core.Configuration;
using Orleans;

namespace NVelopes.Persistence.MongoDB.Options;

/// <summary>
/// Shows only the scheme, the hosts and the database of a connection string in option logs: user names, passwords
/// and every query option (some carry secrets, such as key-file passwords) are left out.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class RedactMongoDbConnectionStringAttribute : RedactAttribute
{
    public override string Redact(object? value)
    {
        if (value is not string connectionString || connectionString.Length == 0) return "(not set)";
        try
        {
            var url = MongoUrl.Create(connectionString);
            var scheme = url.Scheme == ConnectionStringScheme.MongoDBPlusSrv ? "mongodb+srv" : "mongodb";
            return $"{scheme}://{string.Join(',', url.Servers.Select(s => s.ToString()))}/{url.DatabaseName} (credentials and options redacted)";
        }
        catch (MongoConfigurationException)
        {
            return "(unparsable, redacted)";
        }
    }
}
