namespace NVelopes.Grains.Domain;

public enum DomainErrorKind
{
    /// <summary>A value or a rule refused the change.</summary>
    Invalid,
    /// <summary>Something the change names does not exist.</summary>
    NotFound,
    /// <summary>The change would duplicate something that must be unique.</summary>
    Conflict,
    /// <summary>The input is larger than the change may take.</summary>
    TooLarge,
    /// <summary>The caller is a member, but their role does not allow the change.</summary>
    Forbidden,
}
