using ChatOpsBot.Itop.Text;
using Xunit;

namespace ChatOpsBot.Itop.Tests;

public sealed class ActorLineTests
{
    [Fact]
    public void An_entry_written_from_Teams_names_its_actor_and_keeps_the_message()
    {
        var html = "<p><strong>Hugues Le Moane via Teams</strong></p>" + ItopText.ToHtml("Bonjour,\nc'est fait à l'INSA Toulouse <ok>");

        var (actor, body) = ActorLine.Split(html, " via Teams");

        Assert.Equal("Hugues Le Moane", actor);
        Assert.Equal("Bonjour,\nc'est fait à l'INSA Toulouse <ok>", body);
    }

    [Theory]
    [InlineData("<p>Bonjour</p>")]
    [InlineData("<p><strong>Important</strong></p><p>lisez-moi</p>")]
    [InlineData("<p><strong> via Teams</strong></p><p>x</p>")]
    [InlineData("")]
    public void Other_entries_keep_iTop_attribution(string html)
    {
        var (actor, body) = ActorLine.Split(html, " via Teams");

        Assert.Null(actor);
        Assert.Null(body);
    }
}
