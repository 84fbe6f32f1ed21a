namespace NVelopes.Persistence.MongoDB.Reminders;

/// <summary>A reminder table operation on MongoDB failed (a stale ETag is an answer, not a failure).</summary>
public sealed class MongoDbReminderException(string message, Exception innerException) : Exception(message, innerException);
