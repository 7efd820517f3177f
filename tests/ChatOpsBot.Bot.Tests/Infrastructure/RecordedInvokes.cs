using System.Text.Json.Nodes;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Bot.Tests.Infrastructure;

/// <summary>
/// Message-extension invokes built from the real Teams requests of tests/TestData/teams-recordings (a search in a
/// channel's compose box, a pasted link), with this test's user, bot address, text and page.
/// </summary>
internal static class RecordedInvokes
{
    private const string SearchRecording = "20191019181248209-request-integrationBot.json";
    private const string LinkRecording = "20191019180810156-request-integrationBot.json";

    /// <summary>composeExtension/query as Teams sends it: commandId, named parameter, queryOptions.</summary>
    public static JsonObject Search(BotTestHost host, TestUser user, string text, int skip = 0, int count = 25, string locale = "fr-FR")
    {
        var activity = Recorded(SearchRecording, host, user, locale);
        activity["value"]!["parameters"]![0]!["value"] = text;
        activity["value"]!["queryOptions"] = new JsonObject { ["skip"] = skip, ["count"] = count };
        return activity;
    }

    /// <summary>composeExtension/query as the Agents Playground sends it: no commandId, an unnamed parameter (../shared/CLIENT.md §2.2).</summary>
    public static JsonObject PlaygroundSearch(BotTestHost host, TestUser user, string text, string locale = "fr-FR")
    {
        var activity = Recorded(SearchRecording, host, user, locale);
        activity["value"] = new JsonObject
        {
            ["parameters"] = new JsonArray(new JsonObject { ["value"] = text }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
            ["commandContext"] = "compose",
            ["context"] = new JsonObject { ["theme"] = "default" },
        };
        return activity;
    }

    /// <summary>composeExtension/queryLink with the pasted URL.</summary>
    public static JsonObject Link(BotTestHost host, TestUser user, string url, string locale = "fr-FR", string name = "composeExtension/queryLink")
    {
        var activity = Recorded(LinkRecording, host, user, locale);
        activity["name"] = name;
        activity["value"]!["url"] = url;
        return activity;
    }

    private static JsonObject Recorded(string file, BotTestHost host, TestUser user, string locale)
    {
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.TeamsRecordings, file)))!["body"]!.AsObject();
        var activity = recorded.DeepClone().AsObject();
        activity["id"] = "f:" + Guid.NewGuid().ToString("N");
        activity["serviceUrl"] = host.Teams.BaseAddress.ToString();
        activity["from"] = new JsonObject { ["id"] = user.TeamsId, ["name"] = user.Name, ["aadObjectId"] = Guid.NewGuid().ToString() };
        activity["recipient"] = new JsonObject { ["id"] = TeamsActivity.BotId, ["name"] = "ChatOpsBot" };
        activity["locale"] = locale;
        activity["entities"]![0]!["locale"] = locale;
        return activity;
    }
}
