using System.Text.Json.Nodes;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Tests.Infrastructure;
using ChatOpsBot.Cards.ViewModels;

namespace ChatOpsBot.Cards.Tests;

public class VerbTests
{
    private static readonly HashSet<string> DataKeys = ["verb", "ticketId", "stamp", "draftId", "scope", "page"];

    [Theory]
    [MemberData(nameof(GoldenCases.All), MemberType = typeof(GoldenCases))]
    public void Every_action_carries_a_known_verb_in_its_data(string name)
    {
        var card = CardJson.Parse(GoldenCases.Build(name));
        foreach (var action in CardJson.Objects(card).Where(o => (string?)o["type"] is "Action.Execute" or "Action.Submit"))
        {
            var data = Assert.IsType<JsonObject>(action["data"]);
            var verb = (string?)data["verb"];
            Assert.Contains(verb, CardVerbs.All);
            Assert.All(data.Select(p => p.Key), key => Assert.Contains(key, DataKeys));
            if ((string?)action["type"] == "Action.Execute")
            {
                Assert.Equal(verb, (string?)action["verb"]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(GoldenCases.All), MemberType = typeof(GoldenCases))]
    public void Every_button_execute_has_an_equivalent_submit_fallback(string name)
    {
        var card = CardJson.Parse(GoldenCases.Build(name));
        var refreshAction = card["refresh"]?["action"];
        foreach (var execute in CardJson.Objects(card).Where(o => (string?)o["type"] == "Action.Execute" && !ReferenceEquals(o, refreshAction)))
        {
            var fallback = Assert.IsType<JsonObject>(execute["fallback"]);
            Assert.Equal("Action.Submit", (string?)fallback["type"]);
            Assert.True(JsonNode.DeepEquals(execute["data"], fallback["data"]));
            Assert.Equal((string?)execute["title"], (string?)fallback["title"]);
            Assert.Equal((string?)execute["associatedInputs"], (string?)fallback["associatedInputs"]);
        }
    }

    [Fact]
    public void Verb_constants_are_distinct_and_all_listed()
    {
        var declared = typeof(CardVerbs).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.Equal(declared.Count, declared.Distinct().Count());
        Assert.Equal(declared.Order(), CardVerbs.All.Order());
    }

    [Fact]
    public void Ticket_actions_carry_the_ticket_id_and_stamp()
    {
        var model = Samples.Ticket(CardTicketStatus.Assigned, Enum.GetValues<TicketAction>());
        var datas = CardJson.Objects(CardJson.Parse(TicketCard.Build(model)))
            .Where(o => o["verb"] is not null && o["data"] is JsonObject)
            .Select(o => o["data"]!.AsObject())
            .ToList();
        Assert.Equal(
            ["assign", "assignPickTeam", "close", "comment", "decideApproval", "handToApprover", "pending", "reassign", "refresh", "reopen", "resolve", "resume", "takeIt"],
            datas.Select(d => (string)d["verb"]!).Distinct().Order());
        Assert.All(datas, d =>
        {
            Assert.Equal("123", (string?)d["ticketId"]);
            Assert.Equal(model.Stamp, (string?)d["stamp"]);
        });
    }
}
