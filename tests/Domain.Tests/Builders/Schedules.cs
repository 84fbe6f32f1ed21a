using System.Collections.Immutable;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Schedules;

namespace NVelopes.Domain.Tests.Builders;

/// <summary>Schedule terms as a user would send them: <c>Schedules.Debit(1, 50m, "FREQ=MONTHLY;BYMONTHDAY=1", "2025-01-01")</c>.</summary>
internal static class Schedules
{
    public static ScheduleTerms Pay(int paymentSourceId, decimal amount, string rule, string starts, string? timeZone = null, string? weekend = null) =>
        new("pay", rule, DateOnly.Parse(starts), timeZone, weekend, "salary", paymentSourceId, null, amount, []);

    public static ScheduleTerms Debit(int envelopeId, decimal amount, string rule, string starts, string? timeZone = null, string? weekend = null) =>
        new("debit", rule, DateOnly.Parse(starts), timeZone, weekend, "standing order", null, envelopeId, amount, []);

    public static ScheduleTerms Fill(string rule, string starts, params Split[] lines) =>
        new("fill", rule, DateOnly.Parse(starts), null, null, "monthly fill", null, null, null, [.. lines]);

    /// <summary>The first <paramref name="count"/> dates of a rule, as the domain expands and shifts them.</summary>
    public static DateOnly[] Dates(string rule, string starts, int count, string weekend = "keep", string? timeZone = null) =>
        [.. Recurrence.Of(rule, DateOnly.Parse(starts), timeZone, Enum.Parse<WeekendShift>(weekend, ignoreCase: true)).DatesAfter(null).Take(count)];

    public static DateOnly D(string date) => DateOnly.Parse(date);

    public static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
}
