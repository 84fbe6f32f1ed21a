namespace NVelopes.Persistence.MongoDB.Membership;

/// <summary>A membership operation on MongoDB failed for a reason other than a version or ETag conflict.</summary>
public sealed class MongoDbClusteringException : Exception
{
    public MongoDbClusteringException(string message) : base(message)
    {
    }

    public MongoDbClusteringException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
