using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Conversation;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards;
using ChatOpsBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Bot.Tests.Conversation;

/// <summary>
/// The card verb table against what the cards emit: every action of every golden card (both languages) and every
/// <see cref="CardVerbs"/> constant has exactly one handler, and every handler and route of the table is reachable.
/// </summary>
public sealed class CardVerbTableTests
{
    private static readonly string GoldenDirectory = Path.Combine(TestData.RepositoryRoot, "tests", "ChatOpsBot.Cards.Tests", "Golden");

    [Fact]
    public void Every_route_a_card_emits_has_exactly_one_handler()
    {
        var emitted = EmittedRoutes();
        Assert.NotEmpty(emitted);
        Assert.All(emitted, route => Assert.Single(CardVerbTable.Routes, r => r.Route == route));
    }

    [Fact]
    public void Every_verb_constant_has_a_handler()
    {
        Assert.All(CardVerbs.All, verb => Assert.Contains(CardVerbTable.Routes, r => r.Route.Verb == verb));
        Assert.All(CardVerbTable.Routes, r => Assert.Contains(r.Route.Verb, CardVerbs.All));
    }

    [Fact]
    public void Every_route_of_the_table_is_emitted_by_a_card()
    {
        var emitted = EmittedRoutes();
        Assert.All(CardVerbTable.Routes, r => Assert.Contains(r.Route, emitted));
    }

    [Fact]
    public void The_table_indexes_every_route_once_and_refuses_a_second_handler()
    {
        Assert.Equal(CardVerbTable.Routes.Count, CardVerbTable.Index(CardVerbTable.Routes).Count);
        var twice = CardVerbTable.Routes.Append((new CardRoute(CardVerbs.Close, FromApprovalCard: false), typeof(ChatOpsBot.Bot.Approvals.ApprovalActionHandler)));
        var refused = Assert.Throws<InvalidOperationException>(() => CardVerbTable.Index(twice));
        Assert.Contains("close", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_card_action_handler_is_in_the_table_and_registered()
    {
        var handlers = typeof(ICardActionHandler).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICardActionHandler).IsAssignableFrom(t))
            .ToList();
        var services = new ServiceCollection().AddChatOpsBotConversation(new ConfigurationBuilder().Build());

        Assert.Equal(handlers.OrderBy(t => t.FullName), CardVerbTable.Routes.Select(r => r.Handler).Distinct().OrderBy(t => t.FullName));
        Assert.All(handlers, handler => Assert.Contains(services, d => d.ServiceType == handler));
    }

    [Theory]
    [InlineData("approve", "approval", true)]
    [InlineData("refresh", "approval", true)]
    [InlineData("refresh", null, false)]
    [InlineData("listPage", "team", false)]
    [InlineData("listPage", "mine", false)]
    public void A_route_is_the_verb_and_whether_an_approval_card_sent_it(string verb, string? scope, bool fromApprovalCard) =>
        Assert.Equal(new CardRoute(verb, fromApprovalCard), CardRoute.Of(verb, scope));

    /// <summary>(verb, scope) of every action's data in the golden cards, the cards' automatic refresh included.</summary>
    private static HashSet<CardRoute> EmittedRoutes()
    {
        var routes = new HashSet<CardRoute>();
        foreach (var file in Directory.GetFiles(GoldenDirectory, "*.json"))
        {
            var datas = JsonWalk.Objects(JsonNode.Parse(File.ReadAllText(file)))
                .Select(o => o["data"]).OfType<JsonObject>().Where(d => d["verb"] is JsonValue);
            foreach (var data in datas)
            {
                routes.Add(CardRoute.Of((string)data["verb"]!, (string?)data["scope"]));
            }
        }

        return routes;
    }
}
