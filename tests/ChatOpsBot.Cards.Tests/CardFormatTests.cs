using System.Globalization;
using ChatOpsBot.Cards.Localization;

namespace ChatOpsBot.Cards.Tests;

public class CardFormatTests
{
    [Fact]
    public void Summer_date_is_shown_in_Paris_time()
    {
        var utc = new DateTimeOffset(2026, 7, 1, 12, 5, 0, TimeSpan.Zero);
        Assert.Equal("01/07/2026 14:05", CardFormat.Date(utc, CardCulture.French));
        Assert.Equal("1 Jul 2026, 14:05", CardFormat.Date(utc, CardCulture.English));
    }

    [Fact]
    public void Winter_date_is_shown_in_Paris_time_whatever_the_offset_given()
    {
        var newYork = new DateTimeOffset(2026, 1, 15, 7, 30, 0, TimeSpan.FromHours(-5));
        Assert.Equal("15/01/2026 13:30", CardFormat.Date(newYork, CardCulture.French));
        Assert.Equal("15/01/2026 13:30", CardFormat.Date(newYork, CultureInfo.GetCultureInfo("fr-BE")));
    }

    [Fact]
    public void Truncate_keeps_short_text_and_cuts_long_text_with_an_ellipsis()
    {
        Assert.Equal("abc", CardFormat.Truncate("abc", 3));
        Assert.Equal("ab…", CardFormat.Truncate("abcd", 3));
    }

    [Fact]
    public void Truncate_does_not_split_a_surrogate_pair()
    {
        var text = "ab😀cd";
        var cut = CardFormat.Truncate(text, 4);
        Assert.Equal("ab…", cut);
    }
}
