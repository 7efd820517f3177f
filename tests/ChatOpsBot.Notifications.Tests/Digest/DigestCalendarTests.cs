using ChatOpsBot.Bot.Digest;
using ChatOpsBot.Notifications.Digest;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Notifications.Tests.Digest;

public sealed class DigestCalendarTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)] // the latest possible date
    [InlineData(2285, 3, 22)] // the earliest possible date
    [InlineData(2000, 4, 23)]
    public void Easter_Sunday_is_computed(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), FrenchHolidays.EasterSunday(year));

    [Fact]
    public void The_eleven_French_public_holidays_of_2026()
    {
        var expected = new[] { "01-01", "04-06", "05-01", "05-08", "05-14", "05-25", "07-14", "08-15", "11-01", "11-11", "12-25" };
        Assert.Equal(expected, FrenchHolidays.Of(2026).Select(d => d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(FrenchHolidays.IsHoliday(new DateOnly(2027, 5, 6)));  // Ascension 2027
        Assert.True(FrenchHolidays.IsHoliday(new DateOnly(2027, 5, 17))); // Whit Monday 2027
        Assert.False(FrenchHolidays.IsHoliday(new DateOnly(2026, 4, 3))); // Good Friday: only in Alsace-Moselle (ExtraDaysOff)
    }

    [Theory]
    [InlineData("2026-12-03T07:29:00Z", null)]          // Thursday 08:29 Paris (winter, UTC+1)
    [InlineData("2026-12-03T07:30:00Z", "2026-12-03")]  // 08:30 Paris
    [InlineData("2026-12-03T10:59:00Z", "2026-12-03")]  // 11:59: still that morning's (the bot was down)
    [InlineData("2026-12-03T11:00:00Z", null)]          // 12:00: too late, skipped
    [InlineData("2026-06-04T06:30:00Z", "2026-06-04")]  // 08:30 Paris in summer (UTC+2)
    [InlineData("2026-06-04T06:29:00Z", null)]
    [InlineData("2026-12-05T08:00:00Z", null)]          // Saturday
    [InlineData("2026-12-06T08:00:00Z", null)]          // Sunday
    [InlineData("2026-12-25T08:00:00Z", null)]          // Christmas, a Friday
    [InlineData("2026-04-06T08:00:00Z", null)]          // Easter Monday
    [InlineData("2026-05-14T08:00:00Z", null)]          // Ascension
    [InlineData("2026-12-24T08:00:00Z", "2026-12-24")]
    public void A_digest_is_due_on_working_days_between_the_configured_times(string utc, string? due)
    {
        var calendar = new DigestCalendar(Options.Create(new DigestOptions()));
        var day = calendar.DueDay(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), day);
    }

    [Fact]
    public void Extra_days_off_and_another_time_are_configurable()
    {
        var options = new DigestOptions { Time = new TimeSpan(9, 0, 0), ExtraDaysOff = [new DateOnly(2026, 12, 24)] };
        var calendar = new DigestCalendar(Options.Create(options));
        Assert.Null(calendar.DueDay(new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.Zero)));
        Assert.Null(calendar.DueDay(new DateTimeOffset(2026, 12, 23, 7, 30, 0, TimeSpan.Zero))); // 08:30 Paris: before 09:00
        Assert.NotNull(calendar.DueDay(new DateTimeOffset(2026, 12, 23, 8, 0, 0, TimeSpan.Zero)));
    }
}
