using System.Globalization;

namespace NVelopes.Web.Services;

/// <summary>
/// Money as a person reads and types it: shown with two decimals in their locale; typed with either <c>.</c> or
/// <c>,</c> as the decimal mark, whatever the locale, since people type what their keyboard has. A mark followed by
/// one or two digits at the end is the decimal mark; every other mark groups thousands.
/// </summary>
public static class MoneyText
{
    public static string Format(decimal amount) => amount.ToString("N2", CultureInfo.CurrentCulture);

    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var cleaned = new string([.. text.Trim().Where(c => !char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F' && c != '\'')]);
        var negative = cleaned.StartsWith('-') || cleaned.StartsWith('\u2212');
        if (negative) cleaned = cleaned[1..];
        var lastMark = cleaned.LastIndexOfAny(['.', ',']);
        var digitsAfter = lastMark < 0 ? 0 : cleaned.Length - lastMark - 1;
        string whole, fraction;
        if (lastMark >= 0 && digitsAfter != 3)
        {
            whole = cleaned[..lastMark];
            fraction = cleaned[(lastMark + 1)..];
        }
        else
        {
            whole = cleaned;
            fraction = "";
        }
        whole = whole.Replace(".", "").Replace(",", "");
        if (whole.Length == 0 && fraction.Length == 0) return false;
        if (!whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit)) return false;
        var invariant = (whole.Length == 0 ? "0" : whole) + (fraction.Length > 0 ? "." + fraction : "");
        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount)) return false;
        if (negative) amount = -amount;
        return true;
    }
}
