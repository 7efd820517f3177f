using Xunit;
using ChatOpsBot.Itop.Text;

namespace ChatOpsBot.Itop.Tests.Text;

public sealed class ItopHtmlTests
{
    [Theory]
    [InlineData(
        "<p>Jean Dupont, enseignant, doit pouvoir créer ses cours sur OpenMoodle.</p><p>Référence établissement : LYON-2024-117</p>",
        "Jean Dupont, enseignant, doit pouvoir créer ses cours sur OpenMoodle.\n\nRéférence établissement : LYON-2024-117")]
    [InlineData("<p>Ligne 1<br/>Ligne 2<BR>Ligne 3</p>", "Ligne 1\nLigne 2\nLigne 3")]
    [InlineData("<p>l&#39;INSA &amp; le &lt;b&gt;groupe&lt;/b&gt;</p>", "l'INSA & le <b>groupe</b>")]
    [InlineData("<div><strong>Urgent</strong> : <em>salle</em> B</div>\n<ul><li>un</li><li>deux</li></ul>", "Urgent : salle B\n\nun\ndeux")]
    [InlineData("déjà du texte", "déjà du texte")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void ITop_html_becomes_the_plain_text_the_domain_holds(string? html, string expected) =>
        Assert.Equal(expected, ItopHtml.ToPlain(html));
}
