using System.Globalization;
using NVelopes.Web.Services;

namespace NVelopes.Web.Tests;

/// <summary>Money as people type it (either decimal mark) and as the app shows it (two decimals, their locale).</summary>
public sealed class MoneyTextTests
{
    [Theory]
    [InlineData("12.50", "12.50")]
    [InlineData("12,50", "12.50")]
    [InlineData("12,5", "12.5")]
    [InlineData("0.01", "0.01")]
    [InlineData("1000", "1000")]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1 234,56", "1234.56")]
    [InlineData("1,000", "1000")]
    [InlineData("12.", "12")]
    [InlineData(" 7 ", "7")]
    [InlineData("-3,20", "-3.20")]
    public void TryParse_EitherDecimalMark_ReadsTheAmountExactly(string typed, string expected)
    {
        Assert.True(MoneyText.TryParse(typed, out var amount));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("1e5")]
    [InlineData("12,50€")]
    [InlineData(",")]
    public void TryParse_NotAnAmount_IsRefused(string typed)
    {
        Assert.False(MoneyText.TryParse(typed, out _));
    }

    [Fact]
    public void Format_ShowsTwoDecimals_WithTheLocalesMarks()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // A culture with a comma decimal mark and dot grouping, built by hand: tests run without ICU data.
            var commaCulture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            commaCulture.NumberFormat.NumberDecimalSeparator = ",";
            commaCulture.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = commaCulture;
            Assert.Equal("1.234,50", MoneyText.Format(1234.5m));
            Assert.Equal("-0,05", MoneyText.Format(-0.05m));

            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            Assert.Equal("1,234.50", MoneyText.Format(1234.5m));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
