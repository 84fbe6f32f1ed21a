using System.Text.Json;
using System.Text.Json.Serialization;
using NVelopes.Api.Errors;

namespace NVelopes.Api.Wire;

/// <summary>
/// Reads money only when <see cref="decimal"/> holds it exactly. The default reader rounds a number with more than
/// 28 significant digits or decimal places to one it can hold, so <c>1.00000000000000000000000000001</c> would
/// silently become a valid 1.00; here it is a 400, as is a number beyond decimal's range (<c>1e400</c>).
/// </summary>
public sealed class ExactDecimalConverter : JsonConverter<decimal>
{
    /// <summary>Most significant digits and decimal places a decimal holds exactly.</summary>
    public const int MaxDigits = 28;

    /// <summary>Longest number text considered at all; no amount needs that many characters.</summary>
    private const int MaxNumberLength = 128;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number) throw new JsonValueException("must be a number.");
        ReadOnlySpan<byte> text = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
        if (!IsExact(text) || !reader.TryGetDecimal(out var value))
            throw new JsonValueException($"is out of range: at most {MaxDigits} significant digits and {MaxDigits} decimal places.");
        return value;
    }

    /// <summary>Money always with two decimals (<c>750.00</c>, never <c>750</c> beside <c>1280.00</c>): adding 0.00 sets a decimal's scale to at least 2.</summary>
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value + 0.00m);

    /// <summary>
    /// Whether a JSON number (<c>-?int(.frac)?([eE][+-]?exp)?</c>, already checked by the reader) has at most
    /// <see cref="MaxDigits"/> significant digits and needs at most that many decimal places.
    /// </summary>
    private static bool IsExact(ReadOnlySpan<byte> number)
    {
        if (number.Length > MaxNumberLength) return false;
        var exponentAt = number.IndexOfAny((byte)'e', (byte)'E');
        var mantissa = exponentAt < 0 ? number : number[..exponentAt];
        var exponent = 0;
        if (exponentAt >= 0 && !int.TryParse(number[(exponentAt + 1)..], out exponent)) return false;

        if (mantissa.Length > 0 && mantissa[0] == '-') mantissa = mantissa[1..];
        var point = mantissa.IndexOf((byte)'.');
        var integerDigits = point < 0 ? mantissa : mantissa[..point];
        var fractionDigits = point < 0 ? ReadOnlySpan<byte>.Empty : mantissa[(point + 1)..];

        // The digits from the first to the last non-zero one are the significant ones; the last one's position
        // after the decimal point, less the exponent, is the number of decimal places the value needs.
        Span<byte> digits = stackalloc byte[integerDigits.Length + fractionDigits.Length];
        integerDigits.CopyTo(digits);
        fractionDigits.CopyTo(digits[integerDigits.Length..]);
        var first = digits.IndexOfAnyExcept((byte)'0');
        if (first < 0) return true; // zero
        var last = digits.LastIndexOfAnyExcept((byte)'0');
        var significant = last - first + 1;
        var places = (long)(last + 1 - integerDigits.Length) - exponent;
        return significant <= MaxDigits && places <= MaxDigits;
    }
}
