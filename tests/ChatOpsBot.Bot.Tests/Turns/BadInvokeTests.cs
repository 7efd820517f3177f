using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Bot.Tests.Turns;

/// <summary>Issue 12, part 5: an invoke the bot cannot use gets a 4xx or a localized answer, never a 500.</summary>
public sealed class BadInvokeTests
{
    public static TheoryData<string, Func<BotTestHost, string>, int, string?> Invokes() => new()
    {
        { "verb holding an escaped lone surrogate", h => Raw(h, a => a["value"]!["action"]!["verb"] = "@@"), 400, null },
        { "data holding an escaped lone surrogate", h => Raw(h, a => a["value"]!["action"]!["data"]!["ticketId"] = "@@"), 400, null },
        { "action without data", h => Json(h, a => a["value"]!["action"]!.AsObject().Remove("data")), 200, "Je ne comprends pas cette carte" },
        { "verb of 10 000 characters", h => Json(h, a => a["value"]!["action"]!["verb"] = new string('v', 10_000)), 200, "Je ne comprends pas cette carte" },
        { "value is a string", h => Json(h, a => a["value"] = "refresh"), 200, "Je ne comprends pas cette carte" },
        { "action is an array", h => Json(h, a => a["value"]!["action"] = new JsonArray()), 200, "Je ne comprends pas cette carte" },
        { "unknown invoke name", h => Json(h, a => a["name"] = "composeExtension/fetchTask"), 400, "ChatOpsBot ne prend pas en charge cette action." },
        { "search whose value is a string", h => Json(h, a => (a["name"], a["value"]) = ("composeExtension/query", "moodle")), 200, "Je ne comprends pas cette recherche." },
        { "search whose parameters are not a list", h => Json(h, a => (a["name"], a["value"]) = ("composeExtension/query", new JsonObject { ["parameters"] = "x", ["queryOptions"] = new JsonObject { ["skip"] = "-5", ["count"] = true } })), 200, "\"type\":\"result\"" },
        { "search of 10 000 characters", h => Json(h, a => (a["name"], a["value"]) = ("composeExtension/query", Search(new string('m', 10_000)))), 200, "Votre recherche fait 10000 caract" },
        { "search skipping past any page iTop serves", h => Json(h, a => (a["name"], a["value"]) = ("composeExtension/query", Search("moodle", 1_000_001, 7))), 200, "\"attachments\":[]" },
        { "link whose url is a number", h => Json(h, a => (a["name"], a["value"]) = ("composeExtension/queryLink", new JsonObject { ["url"] = 12 })), 200, "\"attachments\":[]" },
        { "link without value", h => Json(h, a => { a["name"] = "composeExtension/queryLink"; a.Remove("value"); }), 200, "\"attachments\":[]" },
        { "link to an id beyond any integer", h => Json(h, a => (a["name"], a["value"]) = ("composeExtension/queryLink", new JsonObject { ["url"] = "https://itop.example/pages/UI.php?operation=details&class=UserRequest&id=99999999999999" })), 200, "\"attachments\":[]" },
        { "empty serviceUrl", h => Json(h, a => a["serviceUrl"] = ""), 400, null },
        { "serviceUrl off the allow-list", h => Json(h, a => a["serviceUrl"] = "https://evil.example/amer/"), 400, null },
    };

    [Theory]
    [MemberData(nameof(Invokes))]
    public async Task Bad_invoke_is_answered_without_a_500(string @case, Func<BotTestHost, string> body, int status, string? message)
    {
        Assert.NotNull(@case);
        await using var host = await BotTestHost.StartAsync();
        using var content = new StringContent(body(host), Encoding.UTF8, "application/json");

        using var response = await host.Http.PostAsync(new Uri(host.BotAddress, "api/messages"), content);

        Assert.Equal(status, (int)response.StatusCode);
        if (message is not null)
        {
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(host.Logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_card_action_built_in_memory_with_a_lone_surrogate_reads_as_nothing_instead_of_throwing()
    {
        using var value = JsonDocument.Parse("{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"\\udfff\",\"data\":{\"verb\":\"comment\",\"ticketId\":\"1\",\"commentText\":\"a\\ud800\"}}}");
        var activity = new Activity { Type = ActivityTypes.Invoke, Name = "adaptiveCard/action", Value = value.RootElement.Clone() };

        var input = CardActionInput.FromInvoke(activity);

        Assert.NotNull(input); // the data's verb stands in for the unreadable one
        Assert.Equal("comment", input.Verb);
        Assert.Null(input.Get("commentText"));
    }

    private static JsonObject Search(string text, int skip = 0, int count = 25) => new()
    {
        ["commandId"] = "searchTickets",
        ["parameters"] = new JsonArray(new JsonObject { ["name"] = "searchQuery", ["value"] = text }),
        ["queryOptions"] = new JsonObject { ["skip"] = skip, ["count"] = count },
    };

    /// <summary>An adaptiveCard/action invoke of the Lyon support (comment on ticket 1), changed by <paramref name="change"/>.</summary>
    private static string Json(BotTestHost host, Action<JsonObject> change)
    {
        var activity = TeamsActivity.CardAction("comment", new JsonObject { ["verb"] = "comment", ["ticketId"] = "1", ["stamp"] = "0" }).ReplyTo("1").To(host.Teams.BaseAddress).Build();
        change(activity);
        return activity.ToJsonString();
    }

    /// <summary>Same, where "@@" becomes the JSON escape of a lone surrogate (a C# string cannot carry it through the writer).</summary>
    private static string Raw(BotTestHost host, Action<JsonObject> change) => Json(host, change).Replace("@@", "\\udfff", StringComparison.Ordinal);
}
