namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>A MongoDB storage operation failed for a reason other than a concurrency conflict.</summary>
public sealed class MongoDbStorageException : Exception
{
    public MongoDbStorageException(string message) : base(message)
    {
    }

    public MongoDbStorageException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
