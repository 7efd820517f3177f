using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace ChatOpsBot.Bot.Tests.Infrastructure;

/// <summary>The schema check used on every card of the end-to-end tests does reject bad cards.</summary>
public sealed class CardSchemaTests
{
    [Fact]
    public void A_card_breaking_the_schema_is_rejected()
    {
        var bad = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","size":"huge"}]}""")!.AsObject();
        Assert.Throws<TrueException>(() => CardSchema.AssertValid(bad));

        var good = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","size":"large"}],"msteams":{"width":"Full"}}""")!.AsObject();
        CardSchema.AssertValid(good);
    }
}
