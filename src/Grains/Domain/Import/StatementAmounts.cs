using System.Globalization;
using System.Text;

namespace NVelopes.Grains.Domain.Import;

/// <summary>
/// Reads the amounts of one statement as exact decimals, with the decimal separator the user named or the one the
/// file's amounts show (the separator followed by one or two digits at the end: <c>12,50</c>, <c>1.234,56</c>,
/// <c>-7.5</c>); the other one groups thousands, as do spaces and apostrophes. Banks' spellings are read too: a
/// currency sign or code, a sign after the number (<c>12.50-</c>), parentheses (<c>(12.50)</c>) and <c>CR</c>/<c>DR</c>.
/// </summary>
public sealed class StatementAmounts
{
    private StatementAmounts(char decimalSeparator) => DecimalSeparator = decimalSeparator;

    public char DecimalSeparator { get; }

    public static StatementAmounts For(IEnumerable<string> samples, string? userSeparator)
    {
        if (!string.IsNullOrWhiteSpace(userSeparator))
        {
            return userSeparator.Trim() switch
            {
                "." => new StatementAmounts('.'),
                "," => new StatementAmounts(','),
                var other => throw DomainException.Invalid($"decimal must be '.' or ',', not '{StatementDates.Shortened(other)}'."),
            };
        }
        int dots = 0, commas = 0;
        foreach (var sample in samples)
        {
            switch (SeparatorShownBy(sample))
            {
                case '.': dots++; break;
                case ',': commas++; break;
            }
        }
        return new StatementAmounts(commas > dots ? ',' : '.');
    }

    /// <summary>Reads each amount with whichever separator it shows: for formats whose every value says it (OFX).</summary>
    public static StatementAmounts ForOneValue(string sample) => new(SeparatorShownBy(sample) ?? '.');

    public bool TryRead(string text, out decimal amount)
    {
        amount = 0;
        var negative = false;
        var number = new StringBuilder(text.Length);
        var body = text.Trim().Trim('"').Trim();
        if (body.Length == 0) return false;
        if (body.StartsWith('(') && body.EndsWith(')'))
        {
            negative = true;
            body = body[1..^1];
        }
        var upper = body.ToUpperInvariant();
        if (upper.EndsWith("CR", StringComparison.Ordinal)) body = body[..^2];
        else if (upper.EndsWith("DR", StringComparison.Ordinal))
        {
            negative = !negative;
            body = body[..^2];
        }
        var signs = 0;
        var digits = 0;
        foreach (var c in body)
        {
            if (char.IsAsciiDigit(c))
            {
                number.Append(c);
                digits++;
            }
            else if (c == DecimalSeparator) number.Append('.');
            else if (c is '-' or '−')
            {
                negative = !negative;
                signs++;
            }
            else if (c == '+') signs++;
            else if (c is '.' or ',' or ' ' or '\'' or '\u00A0' or '\u202F' || char.IsLetter(c) || char.IsSymbol(c) || c == '$') continue;
            else return false;
        }
        if (digits == 0 || signs > 1) return false;
        if (!decimal.TryParse(number.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
        amount = negative ? -value : value;
        return true;
    }

    /// <summary>The amount of <paramref name="text"/>, or a refusal saying why it is none.</summary>
    public decimal Read(string text) =>
        TryRead(text, out var amount)
            ? amount
            : throw DomainException.Invalid(text.Trim().Length == 0
                ? "The amount is missing."
                : $"'{StatementDates.Shortened(text)}' is not an amount (decimal separator '{DecimalSeparator}').");

    /// <summary>Whether <paramref name="text"/> reads as an amount with either separator: how a column of amounts is found.</summary>
    public static bool LooksLikeAmount(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Any(char.IsAsciiDigit) && !trimmed.Any(char.IsLetter) && ForOneValue(trimmed).TryRead(trimmed, out _);
    }

    /// <summary>The separator followed by one or two digits at the end of the number, if any.</summary>
    private static char? SeparatorShownBy(string text)
    {
        var body = text.Trim().TrimEnd(')', '-', '+', ' ').TrimEnd();
        var end = body.Length;
        while (end > 0 && !char.IsAsciiDigit(body[end - 1])) end--; // a currency or CR/DR after the number
        var digits = 0;
        var i = end - 1;
        while (i >= 0 && char.IsAsciiDigit(body[i]))
        {
            digits++;
            i--;
        }
        return i >= 0 && digits is 1 or 2 && body[i] is '.' or ',' ? body[i] : null;
    }
}
