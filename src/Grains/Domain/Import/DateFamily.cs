namespace NVelopes.Grains.Domain.Import;

/// <summary>The order of a date's parts, which separators and digit counts do not change.</summary>
public enum DateFamily
{
    YearMonthDay,
    DayMonthYear,
    MonthDayYear,
}
