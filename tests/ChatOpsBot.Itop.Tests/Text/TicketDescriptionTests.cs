using Xunit;
using ChatOpsBot.Itop.Text;

namespace ChatOpsBot.Itop.Tests.Text;

public sealed class TicketDescriptionTests
{
    [Fact]
    public void The_parts_are_written_with_French_labels_and_read_back_as_plain_text()
    {
        var html = TicketDescription.ToHtml("Bonjour,\nje souhaite créer 3 cours <b>d'automne</b>.", "Je n'arrive pas à créer mon cours\n\n**vite** [ici](http://evil.example)", " GC-2026-17 ");

        Assert.Equal(
            "<p>Bonjour,<br/>je souhaite créer 3 cours &lt;b&gt;d&#39;automne&lt;/b&gt;.</p>"
            + "<p>Propos de l&#39;utilisateur : « Je n&#39;arrive pas à créer mon cours</p><p>**vite** [ici](http://evil.example) »</p>"
            + "<p>Référence établissement : GC-2026-17</p>",
            html);
        var parts = TicketDescription.Parse(html);
        Assert.Equal("Bonjour,\nje souhaite créer 3 cours <b>d'automne</b>.", parts.Description);
        Assert.Equal("Je n'arrive pas à créer mon cours\n\n**vite** [ici](http://evil.example)", parts.UserWords);
        Assert.Equal("GC-2026-17", parts.SchoolReference);
    }

    [Theory]
    // As the bot wrote it before the labels were French whatever the writer's locale: an English writer's words.
    [InlineData("<p>Le cours a disparu.</p><p>User&#39;s words: “I lost my course”</p><p>Référence établissement : LYON-42</p>", "Le cours a disparu.", "I lost my course", "LYON-42")]
    [InlineData("<p>Le cours a disparu.</p><p>Propos de l&#39;utilisateur : « mon cours »</p>", "Le cours a disparu.", "mon cours", null)]
    [InlineData("<p>Description seule.</p><p>Référence école : R-9</p>", "Description seule.", null, "R-9")]
    [InlineData("<p>Description seule.</p><p>School reference: R-10</p>", "Description seule.", null, "R-10")]
    // Written in iTop's console: no part of ours, the whole text is the description.
    [InlineData("<p>Bonjour</p><ul><li>UFR : Génie civil</li></ul>", "Bonjour\n\nUFR : Génie civil", null, null)]
    // A reference line that is not the last line is the opener's text, not ours.
    [InlineData("<p>Référence établissement : X</p><p>suite du texte</p>", "Référence établissement : X\n\nsuite du texte", null, null)]
    [InlineData("", "", null, null)]
    public void Stored_descriptions_old_and_new_are_read(string html, string description, string? words, string? reference)
    {
        var parts = TicketDescription.Parse(html);
        Assert.Equal((description, words, reference), (parts.Description, parts.UserWords, parts.SchoolReference));
    }

    [Fact]
    public void Without_words_nor_reference_only_the_description_is_written() =>
        Assert.Equal("<p>Texte</p>", TicketDescription.ToHtml("Texte", " ", null));
}
