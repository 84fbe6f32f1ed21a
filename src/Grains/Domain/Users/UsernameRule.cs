using System.Globalization;
using System.Text;

namespace NVelopes.Grains.Domain.Users;

/// <summary>
/// Which usernames a sign-up may take: 3 to 50 characters of the letters a-z (either case), the digits 0-9 and
/// '.', '_', '-', starting and ending with a letter or digit, without two of '.', '_', '-' in a row; surrounding
/// whitespace is trimmed. Every other character is refused, so no username can look like another: look-alike letters
/// of other scripts (a Cyrillic 'о'), full-width and other compatibility forms, the Kelvin sign, zero-width and
/// combining characters never get in, and names that differ only in case share one <see cref="UsernameKey"/>.
/// </summary>
public static class UsernameRule
{
    public const int MinLength = 3;
    public const int MaxLength = 50;

    /// <summary>Null when a sign-up may take <paramref name="username"/>, else the reason it may not, for the client.</summary>
    public static string? RefusalOf(string? username)
    {
        var name = username?.Trim() ?? "";
        if (name.Length is < MinLength or > MaxLength) return $"username must be {MinLength} to {MaxLength} characters.";
        foreach (var character in name.EnumerateRunes())
        {
            if (!character.IsAscii || !(char.IsAsciiLetterOrDigit((char)character.Value) || IsSeparator((char)character.Value)))
                return $"username may contain only the letters a-z, the digits 0-9 and '.', '_' or '-'; {Describe(character)} is not allowed.";
        }
        // Only ASCII is left from here on.
        if (IsSeparator(name[0]) || IsSeparator(name[^1])) return "username must start and end with a letter or a digit.";
        for (var i = 1; i < name.Length; i++)
        {
            if (IsSeparator(name[i - 1]) && IsSeparator(name[i])) return "username may not have two of '.', '_' or '-' in a row.";
        }
        return null;
    }

    private static bool IsSeparator(char character) => character is '.' or '_' or '-';

    /// <summary>The character's code point, and the character itself where it can be seen.</summary>
    private static string Describe(Rune character) =>
        Rune.GetUnicodeCategory(character) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator
            ? $"U+{character.Value:X4}"
            : $"'{character}' (U+{character.Value:X4})";
}
