using ChatOpsBot.Bot.Dialogs;

namespace ChatOpsBot.Bot.Tests.Unit;

public sealed class BriqueGuesserTests
{
    [Theory]
    [InlineData("droit de création de cours Moodle pour Jean", "OpenMoodle")]
    [InlineData("nouvel atelier scenari", "Scénari")]
    [InlineData("problème avec OPENMOODLE", "OpenMoodle")]
    public void Guesses_the_brique_from_the_words(string text, string expected) =>
        Assert.Equal(expected, BriqueGuesser.Guess(text, Seed.Catalog, Seed.Catalog.Briques)?.Name);

    [Theory]
    [InlineData("")]
    [InlineData("bonjour")]
    [InlineData("gestion")]
    public void No_guess_without_a_clear_winner(string text) =>
        Assert.Null(BriqueGuesser.Guess(text, Seed.Catalog, Seed.Catalog.Briques));
}
