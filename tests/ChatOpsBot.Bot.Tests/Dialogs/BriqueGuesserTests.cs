using ChatOpsBot.Bot.Dialogs;
using ChatOpsBot.Bot.Tests.Infrastructure;

namespace ChatOpsBot.Bot.Tests.Dialogs;

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

    [Theory]
    [InlineData("droit de création de cours", 8)]
    [InlineData("DROITS DE CREATION DE COURS pour Jean Dupont", 8)]
    [InlineData("nouvelle création d'atelier scenari", 4)]
    public void Names_the_sub_service_whatever_the_accents_case_and_plural(string text, int expected) =>
        Assert.Equal(expected, BriqueGuesser.GuessSubService(text, Seed.Catalog, Seed.Catalog.Services)?.Id);

    [Theory]
    [InlineData("droits Moodle")]
    [InlineData("cours")]
    [InlineData("")]
    public void Names_no_sub_service_when_the_text_does_not_name_one(string text) =>
        Assert.Null(BriqueGuesser.GuessSubService(text, Seed.Catalog, Seed.Catalog.Services));

    [Fact]
    public void Names_no_sub_service_outside_the_services_given()
    {
        var notMoodle = Seed.Catalog.Services.Where(s => s.Id != 4);
        Assert.Null(BriqueGuesser.GuessSubService("droit de création de cours", Seed.Catalog, notMoodle));
    }
}
