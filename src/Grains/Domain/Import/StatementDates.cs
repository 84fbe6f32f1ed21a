using System.Globalization;

namespace NVelopes.Grains.Domain.Import;

/// <summary>
/// Reads the dates of one statement, all in one format: the one the user named, or the family of formats
/// (year-month-day, day-month-year, month-day-year) that reads every date of the file. A file whose every date
/// reads both day-first and month-first (no day past the 12th) is ambiguous: the reader asks for the format
/// rather than guess, unless the format has a convention (QIF is month-first, as Quicken writes it).
/// </summary>
public sealed class StatementDates
{
    private static readonly Dictionary<DateFamily, string[]> Formats = new()
    {
        [DateFamily.YearMonthDay] = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd"],
        [DateFamily.DayMonthYear] =
        [
            "d/M/yyyy", "d.M.yyyy", "d-M-yyyy", "d/M/yy", "d.M.yy", "d-M-yy",
            "d MMM yyyy", "d-MMM-yyyy", "d MMM yy", "d-MMM-yy", "d MMMM yyyy", "d.MMM.yyyy",
        ],
        [DateFamily.MonthDayYear] =
        [
            "M/d/yyyy", "M-d-yyyy", "M/d/yy", "M-d-yy", "MMM d yyyy", "MMM d, yyyy", "MMMM d, yyyy", "MMMM d yyyy",
        ],
    };

    /// <summary>How many dates, spread over the file, choose its format: a day past the 12th is soon among them.</summary>
    private const int DetectionSamples = 1000;

    private readonly string[] _formats;

    // The format that read the last date: a file writes every date alike, so it is tried first.
    private int _lastFormat;

    private StatementDates(string[] formats, string description)
    {
        _formats = formats;
        Description = description;
    }

    /// <summary>The format the dates are read in, as the refusals of unreadable dates name it.</summary>
    public string Description { get; }

    /// <summary>
    /// The reader for <paramref name="samples"/>: in <paramref name="userFormat"/> when given, otherwise in the
    /// family that reads them all (or, when none does, the most of them, so that only the odd ones are refused).
    /// </summary>
    public static StatementDates For(IEnumerable<string> samples, string? userFormat, DateFamily? whenAmbiguous)
    {
        if (!string.IsNullOrWhiteSpace(userFormat))
        {
            var format = userFormat.Trim();
            if (!DateTime.TryParseExact(new DateTime(2024, 12, 31).ToString(format, CultureInfo.InvariantCulture), format,
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                throw DomainException.Invalid($"date_format '{format}' is not a date pattern (such as dd/MM/yyyy or yyyy-MM-dd).");
            return new StatementDates([format], format);
        }
        var texts = Spread(samples.Select(Clean).Where(text => text.Length > 0).ToList(), DetectionSamples);
        var readers = Formats.Keys.ToDictionary(family => family, family => texts.Count(text => TryRead(text, Formats[family], out _)));
        var best = readers.Values.DefaultIfEmpty(0).Max();
        var families = readers.Where(pair => pair.Value == best).Select(pair => pair.Key).ToList();
        if (families.Contains(DateFamily.YearMonthDay)) return Of(DateFamily.YearMonthDay);
        if (families.Count == 1) return Of(families[0]);
        if (whenAmbiguous is { } convention && families.Contains(convention)) return Of(convention);
        if (best == 0) return Of(DateFamily.YearMonthDay);
        throw DomainException.Invalid(
            "The statement's dates read both day first and month first (no day is past the 12th): " +
            "name their format with date_format=dd/MM/yyyy or date_format=MM/dd/yyyy.");
    }

    public static StatementDates Of(DateFamily family) => new(Formats[family], family switch
    {
        DateFamily.YearMonthDay => "year-month-day",
        DateFamily.DayMonthYear => "day-month-year",
        _ => "month-day-year",
    });

    public bool TryRead(string text, out DateOnly date)
    {
        var clean = Clean(text);
        if (TryRead(clean, _formats[_lastFormat], out date)) return true;
        for (var i = 0; i < _formats.Length; i++)
        {
            if (i == _lastFormat || !TryRead(clean, _formats[i], out date)) continue;
            _lastFormat = i;
            return true;
        }
        return false;
    }

    private static bool TryRead(string text, string format, out DateOnly date)
    {
        var read = DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed);
        date = read ? DateOnly.FromDateTime(parsed) : default;
        return read;
    }

    private static List<string> Spread(List<string> texts, int most) =>
        texts.Count <= most ? texts : [.. Enumerable.Range(0, most).Select(i => texts[(int)((long)i * texts.Count / most)])];

    /// <summary>The date of <paramref name="text"/>, or a refusal that names the format expected.</summary>
    public DateOnly Read(string text) =>
        TryRead(text, out var date)
            ? date
            : throw DomainException.Invalid(Clean(text).Length == 0
                ? "The date is missing."
                : $"'{Shortened(text)}' is not a date in the statement's format ({Description}).");

    /// <summary>Whether <paramref name="text"/> reads as a date in any family: how a column of dates is found.</summary>
    public static bool LooksLikeDate(string text) => Formats.Values.Any(formats => TryRead(Clean(text), formats, out _));

    private static bool TryRead(string text, string[] formats, out DateOnly date)
    {
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }
        date = default;
        return false;
    }

    /// <summary>The date part of a cell: trimmed, without a time of day after it (<c>2024-01-05 14:03</c>, <c>…T14:03:00Z</c>).</summary>
    private static string Clean(string text)
    {
        var trimmed = text.Trim().Trim('"').Trim();
        var colon = trimmed.IndexOf(':');
        if (colon < 0) return trimmed;
        var cut = trimmed.LastIndexOfAny([' ', 'T'], colon);
        return cut > 0 ? trimmed[..cut].Trim() : trimmed;
    }

    internal static string Shortened(string text) => text.Length <= 40 ? text.Trim() : text.Trim()[..40] + "…";
}
