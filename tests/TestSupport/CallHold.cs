namespace NVelopes.TestSupport;

/// <summary>
/// Holds the calls that pass through it while <see cref="Hold"/> is in force, so a test can line up what a store is
/// in the middle of (a commit in flight, a lookup under way) before it lets them go on.
/// </summary>
public sealed class CallHold
{
    private TaskCompletionSource? _released;
    private int _held;

    /// <summary>How many calls are waiting here now.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Calls from now on wait until <see cref="Release"/>.</summary>
    public void Hold() => _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets every waiting call go on; later calls pass straight through.</summary>
    public void Release() => Interlocked.Exchange(ref _released, null)?.TrySetResult();

    /// <summary>Where a call waits while the hold is in force.</summary>
    public async Task PassAsync()
    {
        if (_released is not { } released) return;
        Interlocked.Increment(ref _held);
        try
        {
            await released.Task;
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }
    }

    /// <summary>Waits until <paramref name="count"/> calls are held, or fails after five seconds.</summary>
    public async Task UntilHeldAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Held < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Held} of {count} calls reached the hold.");
            await Task.Delay(10);
        }
    }
}
