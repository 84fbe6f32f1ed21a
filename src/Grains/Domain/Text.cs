namespace NVelopes.Grains.Domain;

/// <summary>The rules for names and descriptions users type.</summary>
public static class Text
{
    public const int MaximumNameLength = 100;
    public const int MaximumDescriptionLength = 200;

    /// <summary>A name: trimmed, not blank, at most <see cref="MaximumNameLength"/> characters.</summary>
    public static string Name(string? value, string field)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0) throw DomainException.Invalid($"{field} cannot be blank.");
        if (trimmed.Length > MaximumNameLength)
            throw DomainException.Invalid($"{field} must be at most {MaximumNameLength} characters.");
        return trimmed;
    }

    /// <summary>A free-text description: may be empty, at most <see cref="MaximumDescriptionLength"/> characters.</summary>
    public static string Description(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length > MaximumDescriptionLength)
            throw DomainException.Invalid($"description must be at most {MaximumDescriptionLength} characters.");
        return trimmed;
    }
}
