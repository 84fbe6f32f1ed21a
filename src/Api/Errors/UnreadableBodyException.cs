namespace NVelopes.Api.Errors;

/// <summary>
/// A request body the server could not read as it was framed (a chunk size that is not hex or overflows, a chunk
/// longer than its size, a malformed trailer), with a reason for the client. Kestrel throws an
/// <see cref="IOException"/> for these, or an <see cref="InvalidOperationException"/> for a trailer it cannot decode,
/// and neither is a <see cref="BadHttpRequestException"/>: left alone, both were answered 500.
/// </summary>
public sealed class UnreadableBodyException(Exception unreadable)
    : BadHttpRequestException(ReasonOf(unreadable), StatusOf(unreadable), unreadable)
{
    /// <summary>How much of the server's own message is quoted back.</summary>
    private const int QuotedReasonLength = 120;

    private static int StatusOf(Exception unreadable) =>
        unreadable is BadHttpRequestException badRequest ? badRequest.StatusCode : StatusCodes.Status400BadRequest;

    private static string ReasonOf(Exception unreadable)
    {
        if (StatusOf(unreadable) == StatusCodes.Status408RequestTimeout) return "The request body arrived too slowly.";
        if (unreadable is not IOException { Message: { Length: > 0 } message }) return "The request body could not be read: its framing is malformed.";
        // Kestrel's messages name what is wrong with the framing ("Bad chunk size data.") and nothing of .NET.
        var reason = message.Length <= QuotedReasonLength ? message : message[..QuotedReasonLength] + "…";
        return "The request body could not be read: " + char.ToLowerInvariant(reason[0]) + reason[1..];
    }
}
