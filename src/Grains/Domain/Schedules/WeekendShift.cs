namespace NVelopes.Grains.Domain.Schedules;

/// <summary>Where an occurrence that falls on a Saturday or a Sunday goes.</summary>
public enum WeekendShift
{
    /// <summary>It stays on the weekend.</summary>
    Keep,
    /// <summary>It moves to the Friday before.</summary>
    Before,
    /// <summary>It moves to the Monday after.</summary>
    After,
}
