using NVelopes.Grains.Domain.Users;

namespace NVelopes.Domain.Tests;

/// <summary>Sign-up takes only names of a-z 0-9 . _ - (any case), so no username can pass for another.</summary>
public sealed class UsernameRuleTests
{
    [Theory]
    [InlineData("joe")]
    [InlineData("JoeB")]
    [InlineData("joe.bloggs")]
    [InlineData("joe_b-2")]
    [InlineData("007")]
    [InlineData("  padded  ")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789.ABCDEFGHIJKLM")]
    public void Name_OfTheAlphabet_IsAccepted(string username)
    {
        Assert.Null(UsernameRule.RefusalOf(username));
    }

    [Theory]
    [InlineData("j\u043Ee", "U+043E")] // Cyrillic о
    [InlineData("\uFF4A\uFF4F\uFF45", "U+FF4A")] // full-width ｊｏｅ
    [InlineData("\u212Aelvin", "U+212A")] // Kelvin sign
    [InlineData("jo\u200Be", "U+200B")] // zero-width space
    [InlineData("jo\u0301e", "U+0301")] // combining acute accent
    [InlineData("jos\u00E9", "U+00E9")] // é
    [InlineData("\uFB01sh", "U+FB01")] // the ligature ﬁ
    [InlineData("joe b", "U+0020")]
    [InlineData("joe@home", "U+0040")]
    [InlineData("joe\U0001F600", "U+1F600")]
    public void Name_WithACharacterOutsideTheAlphabet_IsRefusedNamingIt(string username, string codePoint)
    {
        var refusal = UsernameRule.RefusalOf(username);

        Assert.NotNull(refusal);
        Assert.StartsWith("username may contain only the letters a-z, the digits 0-9", refusal);
        Assert.Contains(codePoint, refusal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("  ab  ")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789.ABCDEFGHIJKLMN")]
    public void Name_ShorterThanThreeOrLongerThanFiftyCharacters_IsRefused(string? username)
    {
        Assert.Equal("username must be 3 to 50 characters.", UsernameRule.RefusalOf(username));
    }

    [Theory]
    [InlineData(".joe")]
    [InlineData("joe.")]
    [InlineData("_joe")]
    [InlineData("joe-")]
    public void Name_StartingOrEndingWithASeparator_IsRefused(string username)
    {
        Assert.Equal("username must start and end with a letter or a digit.", UsernameRule.RefusalOf(username));
    }

    [Theory]
    [InlineData("joe..b")]
    [InlineData("joe._b")]
    [InlineData("joe-_b")]
    public void Name_WithTwoSeparatorsInARow_IsRefused(string username)
    {
        Assert.Equal("username may not have two of '.', '_' or '-' in a row.", UsernameRule.RefusalOf(username));
    }

    [Theory]
    [InlineData("JoeB", "joeb")]
    [InlineData(" JOE.B ", "joe.b")]
    public void AcceptedName_IsKeyedByItsAsciiLowerCase(string username, string key)
    {
        Assert.Null(UsernameRule.RefusalOf(username));
        Assert.Equal(key, UsernameKey.Normalize(username));
    }

    [Fact]
    public void NameRegisteredBeforeTheRule_KeepsItsKey()
    {
        // A Cyrillic 'о' and full-width letters were keyed by lower-casing alone; login still finds them there.
        Assert.Equal("j\u043Ee", UsernameKey.Normalize(" J\u041Ee "));
        Assert.Equal("\uFF4A\uFF4F\uFF45", UsernameKey.Normalize("\uFF2A\uFF2F\uFF25"));
    }

    [Theory]
    [InlineData(" JoeB ", "joeb")]
    [InlineData(" J\u041Ee ", "j\u043Ee")]
    public void PossibleUser_IsKeyedAsLoginFindsIt_EvenOutsideTheRule(string username, string key)
    {
        Assert.Equal(key, UsernameKey.OfPossibleUser(username));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void BlankName_NamesNoUser(string? username)
    {
        Assert.Null(UsernameKey.OfPossibleUser(username));
    }

    [Fact]
    public void NameLongerThanAnySignupKept_NamesNoUser_ButOneOfThatLengthMay()
    {
        var longest = new string('a', UsernameRule.MaxLength);

        Assert.Equal(longest, UsernameKey.OfPossibleUser("  " + longest + "  "));
        Assert.Null(UsernameKey.OfPossibleUser(longest + "a"));
    }
}
