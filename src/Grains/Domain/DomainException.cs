namespace NVelopes.Grains.Domain;

/// <summary>A domain rule refused a change; the message is written for the end user.</summary>
public sealed class DomainException(DomainErrorKind kind, string message) : Exception(message)
{
    public DomainErrorKind Kind { get; } = kind;

    internal static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
    internal static DomainException NotFound(string message) => new(DomainErrorKind.NotFound, message);
    internal static DomainException Conflict(string message) => new(DomainErrorKind.Conflict, message);
    internal static DomainException TooLarge(string message) => new(DomainErrorKind.TooLarge, message);
    internal static DomainException Forbidden(string message) => new(DomainErrorKind.Forbidden, message);
}
