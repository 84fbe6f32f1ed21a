using System.Text;
using System.Text.RegularExpressions;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>
/// The one thing wrong with a <see cref="MalformedRequest"/> and the answer it must get: its status, and whether
/// Kestrel refuses it before the service sees it (an answer without a body) or the service does (problem details).
/// </summary>
public sealed record RequestFault(string Name, int Status, bool RefusedByKestrel = false);

/// <summary>One generated request as the bytes sent, with its fault and the legal oddities it also carries.</summary>
public sealed partial record MalformedRequest(string Route, RequestFault Fault, IReadOnlyList<string> Oddities, byte[] Bytes, string? SignupUsername)
{
    private const int PreviewLength = 500;

    public override string ToString()
    {
        var text = BearerToken().Replace(Encoding.Latin1.GetString(Bytes), "Bearer …");
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var (head, body) = end < 0 ? (text, "") : (text[..end], text[(end + 4)..]);
        return $"{Route}: {Fault.Name} (expected {Fault.Status}); oddities: {(Oddities.Count == 0 ? "none" : string.Join(", ", Oddities))}\n" +
            $"    {Preview(head).Replace("\r\n", "\n    ")}\n    body: {Preview(body).Replace("\r", "\\r").Replace("\n", "\\n")}";
    }

    private static string Preview(string text) => text.Length <= PreviewLength ? text : text[..PreviewLength] + $"… ({text.Length} characters)";

    [GeneratedRegex("Bearer [A-Za-z0-9._-]+")]
    private static partial Regex BearerToken();
}
