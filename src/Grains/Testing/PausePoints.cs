using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NVelopes.Grains.Testing;

/// <summary>
/// Named points between two writes that must survive a crash in between, so that a test can kill the process in
/// exactly that window: at the configured point the call logs that it holds and never goes on.
/// </summary>
public sealed partial class PausePoints(IOptions<PausePointOptions> options, ILogger<PausePoints> logger)
{
    /// <summary>An accept has put the account on the user's list; the account has not recorded the member yet.</summary>
    public const string AcceptAfterListed = "accept-after-listed";

    /// <summary>The account has recorded the member; the accept has not answered yet.</summary>
    public const string AcceptAfterJoined = "accept-after-joined";

    public async Task PassAsync(string point)
    {
        if (options.Value.PauseAt != point) return;
        LogHolding(logger, point);
        await Task.Delay(Timeout.Infinite);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pause point {PausePoint} reached: holding here for a crash test")]
    private static partial void LogHolding(ILogger logger, string pausePoint);
}
