using System.Globalization;

namespace NVelopes.Web.Components;

/// <summary>
/// The common repeats a person picks from, as the RFC 5545 RRULEs the API takes, and a rule said in words. A rule that
/// is none of them is kept as typed ("Advanced (RRULE)"); the API alone says whether a rule is valid.
/// </summary>
public static class ScheduleRules
{
    public const string MonthlyOnDay = "monthly", Weekly = "weekly", EveryTwoWeeks = "two-weeks", LastWorkingDay = "last-working-day",
        Advanced = "advanced";

    public static readonly IReadOnlyList<(string Value, string Label)> Choices =
    [
        (MonthlyOnDay, "Every month on day N"),
        (Weekly, "Every week on a day"),
        (EveryTwoWeeks, "Every two weeks on a day"),
        (LastWorkingDay, "Last working day of the month"),
        (Advanced, "Advanced (RRULE)"),
    ];

    /// <summary>RRULE's day codes, Monday first, with the day each names.</summary>
    public static readonly IReadOnlyList<(string Code, DayOfWeek Day)> Days =
    [
        ("MO", DayOfWeek.Monday), ("TU", DayOfWeek.Tuesday), ("WE", DayOfWeek.Wednesday), ("TH", DayOfWeek.Thursday),
        ("FR", DayOfWeek.Friday), ("SA", DayOfWeek.Saturday), ("SU", DayOfWeek.Sunday),
    ];

    private const string WorkingDays = "MO,TU,WE,TH,FR";

    public static string Build(string choice, int dayOfMonth, string day, string advanced) => choice switch
    {
        MonthlyOnDay => $"FREQ=MONTHLY;BYMONTHDAY={dayOfMonth.ToString(CultureInfo.InvariantCulture)}",
        Weekly => $"FREQ=WEEKLY;BYDAY={day}",
        EveryTwoWeeks => $"FREQ=WEEKLY;INTERVAL=2;BYDAY={day}",
        LastWorkingDay => $"FREQ=MONTHLY;BYDAY={WorkingDays};BYSETPOS=-1",
        _ => advanced.Trim(),
    };

    /// <summary>Which common choice a rule is, with its day of the month or weekday code; else <see cref="Advanced"/>.</summary>
    public static (string Choice, int DayOfMonth, string Day) Read(string rule)
    {
        var parts = Parts(rule);
        if (parts is null) return (Advanced, 1, "MO");
        var frequency = parts.GetValueOrDefault("FREQ");
        var interval = parts.GetValueOrDefault("INTERVAL") ?? "1";
        var byDay = parts.GetValueOrDefault("BYDAY");
        bool Only(params string[] keys) => parts.Keys.All(k => k == "FREQ" || keys.Contains(k));
        if (frequency == "MONTHLY" && Only("BYMONTHDAY", "INTERVAL") && interval == "1"
            && int.TryParse(parts.GetValueOrDefault("BYMONTHDAY"), NumberStyles.None, CultureInfo.InvariantCulture, out var dayOfMonth)
            && dayOfMonth is >= 1 and <= 31)
            return (MonthlyOnDay, dayOfMonth, "MO");
        if (frequency == "WEEKLY" && Only("BYDAY", "INTERVAL") && byDay is not null && Days.Any(d => d.Code == byDay))
        {
            if (interval == "1") return (Weekly, 1, byDay);
            if (interval == "2") return (EveryTwoWeeks, 1, byDay);
        }
        if (frequency == "MONTHLY" && Only("BYDAY", "BYSETPOS", "INTERVAL") && interval == "1" && byDay is not null
            && byDay.Split(',').Order().SequenceEqual(WorkingDays.Split(',').Order()) && parts.GetValueOrDefault("BYSETPOS") == "-1")
            return (LastWorkingDay, 1, "MO");
        return (Advanced, 1, "MO");
    }

    /// <summary>"Every month on day 25", "Every two weeks on Friday", or the rule itself when it is none of the common ones.</summary>
    public static string Describe(string rule)
    {
        var (choice, dayOfMonth, day) = Read(rule);
        return choice switch
        {
            MonthlyOnDay => $"Every month on day {dayOfMonth.ToString(CultureInfo.InvariantCulture)}",
            Weekly => $"Every week on {DayName(day)}",
            EveryTwoWeeks => $"Every two weeks on {DayName(day)}",
            LastWorkingDay => "Last working day of the month",
            _ => $"RRULE {rule}",
        };
    }

    public static string DayName(string code) => Days.FirstOrDefault(d => d.Code == code) is { Code: not null } found ? found.Day.ToString() : code;

    private static Dictionary<string, string>? Parts(string rule)
    {
        var text = rule.Trim();
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase)) text = text[6..];
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0 || !parts.TryAdd(part[..equals].Trim().ToUpperInvariant(), part[(equals + 1)..].Trim().ToUpperInvariant())) return null;
        }
        return parts.ContainsKey("FREQ") ? parts : null;
    }
}
