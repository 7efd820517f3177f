using ChatOpsBot.Bot.Dialogs;

namespace ChatOpsBot.Bot.Tests.Dialogs;

public sealed class TitleWordsTests
{
    [Fact]
    public void Significant_words_only_longest_first()
    {
        Assert.Equal(["création", "moodle", "cours", "jean"], TitleWords.Of("Demande de création de cours Moodle pour Jean (urgent ?)").Where(w => w != "urgent"));
        Assert.Empty(TitleWords.Of("Demande pour vous"));
        Assert.Empty(TitleWords.Of(null));
    }

    [Theory]
    [InlineData("Création de cours Moodle", "Cours moodle : creation", true)]      // accents and case ignored
    [InlineData("Création de cours Moodle promo 2026", "Cours Moodle à créer", false)] // 2 of 5 shared: under half
    [InlineData("Quota Moodle dépassé", "Création de cours Moodle", false)]
    [InlineData("Moodle", "Moodle en panne", true)]                               // one word: that one
    [InlineData("Accès enseignant plateforme", "Plateforme pédagogique", false)]       // 1 of 3
    public void Close_titles_share_half_of_the_words_and_at_least_two(string draft, string other, bool close)
    {
        Assert.Equal(close, TitleWords.AreClose(TitleWords.Of(draft), other));
    }
}
