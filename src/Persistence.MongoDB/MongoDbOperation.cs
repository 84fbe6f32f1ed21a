namespace NVelopes.Persistence.MongoDB;

/// <summary>Runs one storage operation under the options' time limit.</summary>
internal static class MongoDbOperation
{
    /// <summary>
    /// Cancels <paramref name="operation"/> once <paramref name="timeout"/> has passed and reports that as a
    /// <see cref="TimeoutException"/>; a cancellation by the caller stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<T> RunAsync<T>(
        TimeSpan timeout, string description, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await operation(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"MongoDB: {description} did not finish within {timeout.TotalSeconds:0.###} s.", ex);
        }
    }

    public static Task RunAsync(
        TimeSpan timeout, string description, Func<CancellationToken, Task> operation, CancellationToken cancellationToken) =>
        RunAsync(timeout, description, async token =>
        {
            await operation(token).ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
