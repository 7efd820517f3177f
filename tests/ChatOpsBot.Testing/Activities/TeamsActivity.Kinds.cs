using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing.Activities;

/// <summary>The kinds of activity the tests send, each as Teams shapes it.</summary>
public sealed partial class TeamsActivity
{
    /// <summary>A typed message (plain text).</summary>
    public static TeamsActivity Message(string text)
    {
        var activity = new TeamsActivity("message");
        activity._json["text"] = text;
        activity._json["textFormat"] = "plain";
        return activity;
    }

    /// <summary>A click on an Action.Execute: the <c>adaptiveCard/action</c> invoke with the verb and the action's data (inputs merged).</summary>
    public static TeamsActivity CardAction(string verb, JsonObject? data = null)
    {
        var action = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb };
        if (data is not null)
        {
            action["data"] = data;
        }

        return Invoke("adaptiveCard/action", new JsonObject { ["action"] = action, ["trigger"] = "manual" });
    }

    /// <summary>An invoke of any name (Teams gives invokes ids of the form <c>f:…</c>).</summary>
    public static TeamsActivity Invoke(string name, JsonNode? value)
    {
        var activity = new TeamsActivity("invoke", "f:" + Guid.NewGuid().ToString("N"));
        activity._json["name"] = name;
        activity._json["value"] = value;
        return activity;
    }

    /// <summary>The invoke's name only (e.g. a name the bot does not know, with a card action's value).</summary>
    public TeamsActivity Named(string name) => Set("name", name);

    /// <summary>
    /// <c>application/search</c> as Teams documents it for a Data.Query choice set ("Typeahead search in Adaptive Cards",
    /// dependent inputs): <c>{queryText, queryOptions: {skip, top}, dataset, data: {the card's inputs}}</c>. No recording
    /// exists (the Agents Playground 0.2.28 does not send it).
    /// </summary>
    public static TeamsActivity ChoiceSearch(string dataset, string text, JsonObject inputs, int skip = 0, int top = 15) =>
        Invoke("application/search", new JsonObject
        {
            ["queryText"] = text,
            ["queryOptions"] = new JsonObject { ["skip"] = skip, ["top"] = top },
            ["dataset"] = dataset,
            ["data"] = inputs,
        });

    /// <summary>An Action.Submit as Teams sends it: a message with the data and inputs as value, no text.</summary>
    public static TeamsActivity Submit(JsonObject value)
    {
        var activity = new TeamsActivity("message");
        activity._json["value"] = value;
        activity._json["channelData"]!["source"] = new JsonObject { ["name"] = "message" };
        return activity;
    }

    /// <summary>The app installed (personal scope, or the bot added to a team when sent in a <see cref="Channel"/>).</summary>
    public static TeamsActivity Install()
    {
        var activity = new TeamsActivity("installationUpdate");
        activity._json["action"] = "add";
        return activity;
    }

    /// <summary>A <c>conversationUpdate</c> with no change listed.</summary>
    public static TeamsActivity ConversationUpdate() => new("conversationUpdate");

    /// <summary>The <c>conversationUpdate</c> that says the bot (the recipient) was added to the conversation.</summary>
    public static TeamsActivity BotAdded()
    {
        var activity = ConversationUpdate();
        activity._json["membersAdded"] = new JsonArray();
        return activity;
    }

    /// <summary>A like on one of the bot's messages.</summary>
    public static TeamsActivity Reaction()
    {
        var activity = new TeamsActivity("messageReaction");
        activity._json["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
        return activity;
    }
}
