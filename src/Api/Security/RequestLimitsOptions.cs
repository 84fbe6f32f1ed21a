using System.ComponentModel.DataAnnotations;

namespace NVelopes.Api.Security;

/// <summary>How much a single request may carry (section <c>RequestLimits</c>).</summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "RequestLimits";

    /// <summary>Largest request body, in bytes; a larger one is answered 413 before it is read. Default 64 KB.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Deepest nesting of objects and arrays in a JSON body; deeper is a 400. Default 32.</summary>
    [Range(4, 256)]
    public int MaxJsonDepth { get; set; } = 32;
}
