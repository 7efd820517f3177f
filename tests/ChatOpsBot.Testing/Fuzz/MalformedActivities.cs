using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing.Fuzz;

/// <summary>
/// A seeded stream of malformed activities: Teams-shaped templates (messages, commands, Action.Submit, adaptiveCard/action
/// invokes for every verb, installs, unknown types) with one to three mutations each — a field set to a value of the
/// wrong type, an oversized or hostile string (lone surrogate, markdown link, &lt;at&gt; tag, NUL), a field removed,
/// random conversation and user ids — and a quarter broken at the byte level (truncated, invalid UTF-8, deep nesting,
/// not an object). The same seed gives the same cases.
/// </summary>
public sealed class MalformedActivities(int seed, FuzzTarget target)
{
    // Written as an escape in the JSON text (a C# string cannot carry it through the JSON writer).
    private const string LoneSurrogate = "@@LONE_SURROGATE@@";
    private const string EscapedLoneSurrogate = "\\udfff";
    private const string EscapedBrokenPair = "\\ud800\\u0041";

    private static readonly string[] Verbs =
    [
        "openTicket", "refreshForm", "cancelForm", "retryCreate", "assign", "assignPickTeam", "pending", "reassign", "resolve",
        "reopen", "close", "comment", "refresh", "showTicket", "listPage", "approve", "reject", "handToApprover", "handOffApproval",
    ];

    private static readonly string[] Inputs =
    [
        "brique", "service", "subService", "title", "description", "onBehalfOf", "schoolReference", "userWords", "ticketType",
        "urgency", "needsApproval", "assignTeam", "assignAgent", "assignTicketType", "pendingReason", "reassignAgent",
        "reassignNote", "resolveService", "resolveSubService", "resolveSolution", "commentText", "commentPublic",
        "approveComment", "rejectComment", "handOffApprover", "handOffComment",
    ];

    private static readonly string[] Commands =
    [
        "aide", "/ticket", "/ticket Quota Moodle dépassé", "/tickets", "/tickets équipe", "/ticket R-000001", "/ticket 1",
        "/ticket abonner OpenMoodle", "/ticket abonnements", "/ticket désabonner OpenMoodle", "abonner école INSA Lyon",
        "ticket 99999999999", "?", "/ticket R-", "[cliquez ici](https://evil.example/x)", "<at>Tout le monde</at>",
    ];

    private static readonly string[][] Paths =
    [
        ["type"], ["id"], ["serviceUrl"], ["channelId"], ["from"], ["from", "id"], ["from", "name"], ["from", "aadObjectId"],
        ["recipient"], ["recipient", "id"], ["conversation"], ["conversation", "id"], ["conversation", "conversationType"],
        ["conversation", "isGroup"], ["conversation", "tenantId"], ["text"], ["textFormat"], ["locale"], ["timestamp"],
        ["entities"], ["entities", "0"], ["entities", "0", "type"], ["entities", "0", "mentioned", "id"], ["entities", "0", "text"],
        ["attachments"], ["attachments", "0", "content"], ["value"], ["value", "action"], ["value", "action", "type"],
        ["value", "action", "verb"], ["value", "action", "data"], ["value", "action", "data", "verb"], ["value", "action", "data", "ticketId"],
        ["value", "action", "data", "stamp"], ["value", "action", "data", "draftId"], ["value", "action", "data", "page"],
        ["value", "action", "data", "scope"], ["value", "verb"], ["value", "ticketId"], ["name"], ["replyToId"], ["channelData"],
        ["channelData", "tenant"], ["channelData", "tenant", "id"], ["channelData", "channel", "id"], ["channelData", "team", "id"],
        ["membersAdded"], ["membersAdded", "0", "id"], ["action"], ["localTimestamp"],
    ];

    private readonly Random _random = new(seed);
    private int _index;

    /// <summary>The next case (deterministic for a given seed and position).</summary>
    public FuzzCase Next()
    {
        var index = _index++;
        var (name, activity) = Template();
        var description = new StringBuilder(name);
        var mutations = 1 + _random.Next(3);
        for (var i = 0; i < mutations; i++)
        {
            description.Append(" | ").Append(MutateTree(activity));
        }

        var json = activity.ToJsonString()
            .Replace(LoneSurrogate, _random.Next(2) == 0 ? EscapedLoneSurrogate : EscapedBrokenPair, StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(json);
        if (_random.Next(4) == 0)
        {
            var (what, broken) = MutateBytes(body);
            description.Append(" | ").Append(what);
            body = broken;
        }

        return new FuzzCase(index, description.ToString(), body);
    }

    public IEnumerable<FuzzCase> Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next();
        }
    }

    private (string Name, JsonObject Activity) Template()
    {
        switch (_random.Next(8))
        {
            case 0:
            case 1:
            {
                var text = Pick(Commands);
                return ("message " + Short(text), Base("message", text));
            }

            case 2:
            {
                var activity = Base("message", "<at>ChatOpsBot</at> " + Pick(Commands));
                activity["conversation"] = new JsonObject
                {
                    ["id"] = "19:fuzz-channel@thread.tacv2;messageid=" + Id(),
                    ["conversationType"] = "channel",
                    ["isGroup"] = true,
                    ["tenantId"] = "tenant-1",
                };
                activity["entities"] = new JsonArray(new JsonObject
                {
                    ["type"] = "mention",
                    ["text"] = "<at>ChatOpsBot</at>",
                    ["mentioned"] = new JsonObject { ["id"] = target.BotId, ["name"] = "ChatOpsBot" },
                });
                activity["channelData"]!["channel"] = new JsonObject { ["id"] = "19:fuzz-channel@thread.tacv2" };
                activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:fuzz-team@thread.tacv2" };
                return ("channel message", activity);
            }

            case 3:
            {
                var verb = Pick(Verbs);
                var activity = Base("message", null);
                activity["replyToId"] = Id();
                activity["value"] = Data(verb);
                return ("submit " + verb, activity);
            }

            case 4:
            case 5:
            {
                var verb = Pick(Verbs);
                var activity = Base("invoke", null);
                activity["name"] = "adaptiveCard/action";
                activity["replyToId"] = Id();
                activity["value"] = new JsonObject
                {
                    ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = Data(verb) },
                    ["trigger"] = "manual",
                };
                return ("invoke " + verb, activity);
            }

            case 6:
            {
                var activity = Base(_random.Next(2) == 0 ? "installationUpdate" : "conversationUpdate", null);
                activity["action"] = _random.Next(2) == 0 ? "add" : "remove";
                activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = target.BotId });
                return ((string)activity["type"]! + " " + (string)activity["action"]!, activity);
            }

            default:
            {
                var type = Pick(["messageReaction", "event", "typing", "endOfConversation", "messageUpdate", "invoke", "Message", "fuzz"]);
                var activity = Base(type, null);
                if (type == "invoke")
                {
                    activity["name"] = Pick(["task/fetch", "composeExtension/query", "signin/verifyState", "fuzz/unknown", ""]);
                    activity["value"] = new JsonObject { ["data"] = new JsonObject { ["x"] = 1 } };
                }

                return ("other " + type, activity);
            }
        }
    }

    private JsonObject Base(string type, string? text)
    {
        var known = target.Senders.Count > 0 && _random.Next(3) == 0 ? target.Senders[_random.Next(target.Senders.Count)] : default;
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Id(),
            ["timestamp"] = "2026-11-28T10:00:00.1234567Z",
            ["serviceUrl"] = target.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = known.UserId ?? "29:fuzz-" + Id(), ["name"] = "Fuzz", ["aadObjectId"] = Guid.Empty.ToString() },
            ["recipient"] = new JsonObject { ["id"] = target.BotId, ["name"] = "ChatOpsBot" },
            ["conversation"] = new JsonObject { ["id"] = known.ConversationId ?? "a:fuzz-" + Id(), ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["locale"] = Pick(["fr-FR", "en-US", "en", "xx", ""]),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        };
        if (text is not null)
        {
            activity["text"] = text;
            activity["textFormat"] = "plain";
        }

        return activity;
    }

    private JsonObject Data(string verb)
    {
        var data = new JsonObject
        {
            ["verb"] = verb,
            ["ticketId"] = (1 + _random.Next(40)).ToString(CultureInfo.InvariantCulture),
            ["stamp"] = "0-1-0-0-0-0",
        };
        if (_random.Next(2) == 0)
        {
            data["draftId"] = Id();
        }

        for (var i = _random.Next(4); i > 0; i--)
        {
            data[Pick(Inputs)] = Pick(["1", "2", "true", "Le compte est réactivé.", "[cliquez ici](https://evil.example/x)"]);
        }

        return data;
    }

    private string MutateTree(JsonObject activity)
    {
        var path = Pick(Paths);
        switch (_random.Next(10))
        {
            case 0:
                Remove(activity, path);
                return "remove " + string.Join('.', path);
            case 1:
                activity["id"] = Id();
                activity["conversation"] = new JsonObject { ["id"] = "a:" + Id() + Id(), ["conversationType"] = "personal" };
                activity["from"] = new JsonObject { ["id"] = "29:" + Id() };
                return "random ids";
            case 2:
            {
                var (what, url) = ServiceUrl();
                activity["serviceUrl"] = url;
                return "serviceUrl " + what;
            }

            case 3:
            {
                var input = Pick(Inputs);
                var (what, value) = Weird();
                Set(activity, ["value", "action", "data", input], value);
                return "input " + input + " = " + what;
            }

            default:
            {
                var (what, value) = Weird();
                Set(activity, path, value);
                return string.Join('.', path) + " = " + what;
            }
        }
    }

    private (string What, JsonNode? Value) Weird() => _random.Next(22) switch
    {
        0 => ("null", null),
        1 => ("true", JsonValue.Create(true)),
        2 => ("0", JsonValue.Create(0)),
        3 => ("-1", JsonValue.Create(-1)),
        4 => ("1e308", JsonValue.Create(1e308)),
        5 => ("\"\"", JsonValue.Create(string.Empty)),
        6 => ("blank", JsonValue.Create("   \t\n ")),
        7 => ("1 KB string", JsonValue.Create(Long(1_000))),
        8 => ("10 KB string", JsonValue.Create(Long(10_000))),
        9 => ("100 KB string", JsonValue.Create(Long(100_000))),
        10 => ("lone surrogate", JsonValue.Create("a" + LoneSurrogate + "b")),
        11 => ("markdown link", JsonValue.Create("[cliquez ici](https://evil.example/x) **gras** <at>Tous</at>")),
        12 => ("NUL and controls", JsonValue.Create("a\0b\u0001\u001b[31m\u202e")),
        13 => ("{}", new JsonObject()),
        14 => ("[]", new JsonArray()),
        15 => ("array of objects", new JsonArray(new JsonObject { ["id"] = 1 }, new JsonObject())),
        16 => ("nested 64", Nested(64)),
        17 => ("int.MaxValue string", JsonValue.Create(int.MaxValue.ToString(CultureInfo.InvariantCulture) + "0")),
        18 => ("negative string", JsonValue.Create("-5")),
        19 => ("ticket ref", JsonValue.Create("R-000001")),
        20 => ("path", JsonValue.Create("../../etc/passwd")),
        _ => ("url", JsonValue.Create("javascript:alert(1)")),
    };

    private (string What, string Url) ServiceUrl() => _random.Next(7) switch
    {
        0 => ("empty", string.Empty),
        1 => ("not a URL", "not a url"),
        2 => ("other host", "https://evil.example/amer/"),
        3 => ("javascript", "javascript:alert(1)"),
        4 => ("with query", target.ServiceUrl + "?x=1"),
        5 => ("long", target.ServiceUrl + Long(5_000)),
        _ => ("ftp", "ftp://127.0.0.1/"),
    };

    private (string What, byte[] Body) MutateBytes(byte[] body)
    {
        switch (_random.Next(9))
        {
            case 0:
                return ("truncated", body[..Math.Max(0, _random.Next(body.Length))]);
            case 1:
            {
                var copy = (byte[])body.Clone();
                copy[_random.Next(copy.Length)] = (byte)_random.Next(256);
                return ("byte flipped", copy);
            }

            case 2:
            {
                var at = _random.Next(body.Length);
                return ("invalid UTF-8", [.. body[..at], 0xC3, 0x28, 0xFF, .. body[at..]]);
            }

            case 3:
                return ("trailing garbage", [.. body, .. "}{]"u8]);
            case 4:
                return ("deep nesting", Encoding.ASCII.GetBytes(new string('[', 5_000) + new string(']', 5_000)));
            case 5:
                return ("not an object", Encoding.ASCII.GetBytes(Pick(["null", "[]", "\"message\"", "42", "true", "{}", " "])));
            case 6:
                return ("empty", []);
            case 7:
                return ("duplicate type", Encoding.UTF8.GetBytes("{\"type\":\"message\"," + Encoding.UTF8.GetString(body)[1..]));
            default:
                return ("oversized", [.. body, .. Encoding.ASCII.GetBytes(new string(' ', 300_000))]);
        }
    }

    private static void Set(JsonObject root, string[] path, JsonNode? value)
    {
        JsonNode node = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            node = Child(node, path[i], path[i + 1]);
        }

        switch (node)
        {
            case JsonObject o:
                o[path[^1]] = value;
                break;
            case JsonArray a when a.Count > 0:
                a[0] = value;
                break;
            case JsonArray a:
                a.Add(value);
                break;
        }
    }

    /// <summary>The member (or first element) <paramref name="key"/> of <paramref name="node"/>, created when missing or not a container.</summary>
    private static JsonNode Child(JsonNode node, string key, string next)
    {
        JsonNode Create() => next == "0" ? new JsonArray() : new JsonObject();
        if (node is JsonArray array)
        {
            if (array.Count == 0 || array[0] is not (JsonObject or JsonArray))
            {
                if (array.Count == 0)
                {
                    array.Add(Create());
                }
                else
                {
                    array[0] = Create();
                }
            }

            return array[0]!;
        }

        var obj = (JsonObject)node;
        if (obj[key] is not (JsonObject or JsonArray))
        {
            obj[key] = Create();
        }

        return obj[key]!;
    }

    private static void Remove(JsonObject root, string[] path)
    {
        JsonNode? node = root;
        for (var i = 0; i < path.Length - 1 && node is not null; i++)
        {
            node = node is JsonArray a ? (a.Count > 0 ? a[0] : null) : (node as JsonObject)?[path[i]];
        }

        if (node is JsonObject o)
        {
            o.Remove(path[^1]);
        }
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonObject { ["leaf"] = 1 };
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["n"] = node };
        }

        return node;
    }

    private static string Long(int length)
    {
        const string Unit = "Ab [c](https://evil.example/) <at>d</at> é*_`# ";
        var text = new StringBuilder(length + Unit.Length);
        while (text.Length < length)
        {
            text.Append(Unit);
        }

        return text.ToString(0, length);
    }

    private static string Short(string text) => text.Length <= 24 ? text : text[..24] + "…";

    private string Id() => _random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
