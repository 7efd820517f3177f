using System.Globalization;
using ChatOpsBot.Cards.Localization;

namespace ChatOpsBot.Cards.Tests.Localization;

public class CardFormatTests
{
    [Fact]
    public void Summer_date_is_shown_in_Paris_time()
    {
        var utc = new DateTimeOffset(2026, 7, 1, 12, 5, 0, TimeSpan.Zero);
        Assert.Equal("01/07/2026 14:05 (heure de Paris)", CardFormat.Date(utc, CardCulture.French));
        Assert.Equal("1 Jul 2026, 14:05 (Paris time)", CardFormat.Date(utc, CardCulture.English));
    }

    [Fact]
    public void Winter_date_is_shown_in_Paris_time_whatever_the_offset_given()
    {
        var newYork = new DateTimeOffset(2026, 1, 15, 7, 30, 0, TimeSpan.FromHours(-5));
        Assert.Equal("15/01/2026 13:30 (heure de Paris)", CardFormat.Date(newYork, CardCulture.French));
        Assert.Equal("15/01/2026 13:30 (heure de Paris)", CardFormat.Date(newYork, CultureInfo.GetCultureInfo("fr-BE")));
    }

    [Theory]
    [InlineData("fr-FR", 0, "0 ticket ouvert")]
    [InlineData("fr-FR", 1, "1 ticket ouvert")]
    [InlineData("fr-FR", 2, "2 tickets ouverts")]
    [InlineData("en-US", 0, "0 open tickets")]
    [InlineData("en-US", 1, "1 open ticket")]
    [InlineData("en-US", 2, "2 open tickets")]
    public void Counts_agree_in_number_in_each_language(string culture, int count, string expected)
    {
        var c = CultureInfo.GetCultureInfo(culture);
        Assert.Equal(expected, CardText.Plural("Digest_Open", c, count));
        Assert.DoesNotContain("(s)", CardText.Plural("List_Summary", c, count, 1, 1), StringComparison.Ordinal);
        Assert.EndsWith(count is 0 or 1 ? "jour" : "jours",
            CardText.Plural("Digest_PendingSince", CultureInfo.GetCultureInfo("fr-FR"), count), StringComparison.Ordinal);
    }

    [Fact]
    public void No_card_text_counts_with_a_parenthesised_plural()
    {
        foreach (var culture in new[] { CardCulture.French, CardCulture.English })
        {
            var all = typeof(CardText).Assembly.GetManifestResourceNames();
            Assert.NotEmpty(all);
            var set = new System.Resources.ResourceManager("ChatOpsBot.Cards.Localization.CardStrings", typeof(CardText).Assembly)
                .GetResourceSet(culture, true, true)!;
            foreach (System.Collections.DictionaryEntry entry in set)
            {
                Assert.DoesNotContain("(s)", (string)entry.Value!, StringComparison.Ordinal);
            }
        }
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
