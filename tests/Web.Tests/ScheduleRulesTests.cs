using NVelopes.Web.Components;

namespace NVelopes.Web.Tests;

/// <summary>The common repeats as RRULEs, read back into the choice they are, and said in words.</summary>
public sealed class ScheduleRulesTests
{
    [Theory]
    [InlineData(ScheduleRules.MonthlyOnDay, 25, "MO", "FREQ=MONTHLY;BYMONTHDAY=25", "Every month on day 25")]
    [InlineData(ScheduleRules.Weekly, 1, "FR", "FREQ=WEEKLY;BYDAY=FR", "Every week on Friday")]
    [InlineData(ScheduleRules.EveryTwoWeeks, 1, "TH", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "Every two weeks on Thursday")]
    [InlineData(ScheduleRules.LastWorkingDay, 1, "MO", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "Last working day of the month")]
    public void ACommonChoice_IsItsRule_AndTheRuleReadsBackAsTheChoice(string choice, int dayOfMonth, string day, string rule, string words)
    {
        Assert.Equal(rule, ScheduleRules.Build(choice, dayOfMonth, day, advanced: "ignored"));
        Assert.Equal((choice, dayOfMonth, day), ScheduleRules.Read(rule));
        Assert.Equal(words, ScheduleRules.Describe(rule));
    }

    [Theory]
    [InlineData("rrule:freq=monthly;bymonthday=1", "Every month on day 1")] // as people and other apps write them
    [InlineData("FREQ=WEEKLY;BYDAY=FR;INTERVAL=1", "Every week on Friday")]
    [InlineData("FREQ=MONTHLY;BYSETPOS=-1;BYDAY=FR,TH,WE,TU,MO", "Last working day of the month")]
    public void AnEquivalentSpelling_IsReadAsTheChoice(string rule, string words) => Assert.Equal(words, ScheduleRules.Describe(rule));

    [Theory]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1,15")]
    [InlineData("FREQ=WEEKLY;INTERVAL=3;BYDAY=FR")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,FR")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1;COUNT=12")]
    [InlineData("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25")]
    [InlineData("not a rule")]
    public void AnyOtherRule_IsAdvanced_AndShownAsItIs(string rule)
    {
        Assert.Equal(ScheduleRules.Advanced, ScheduleRules.Read(rule).Choice);
        Assert.Equal($"RRULE {rule}", ScheduleRules.Describe(rule));
        Assert.Equal(rule, ScheduleRules.Build(ScheduleRules.Advanced, 1, "MO", $"  {rule} "));
    }
}
