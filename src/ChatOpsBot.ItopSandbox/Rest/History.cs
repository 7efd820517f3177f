using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox.Model;
using ChatOpsBot.ItopSandbox.Storage;

namespace ChatOpsBot.ItopSandbox.Rest;

/// <summary>
/// iTop's change tracking (155-159): one CMDBChange per write that changes something (userinfo = the REST comment),
/// one CMDBChangeOp per changed attribute, in the class's attribute order.
/// </summary>
internal static class History
{
    private static readonly HashSet<string> TextAttributes = new(StringComparer.Ordinal) { "pending_reason", "user_comment", "escalation_reason" };
    private static readonly HashSet<string> HtmlAttributes = new(StringComparer.Ordinal) { "description", "solution" };

    public static void Record(RestContext ctx, string comment, SandboxObject? before, SandboxObject after)
    {
        var ops = new List<(string Class, JsonObject Detail)>();
        if (before is null)
        {
            ops.Add(("CMDBChangeOpCreate", []));
        }
        else
        {
            foreach (var code in DataModel.UserRequestStar.Where(Tracked))
            {
                if (code is "public_log" or "private_log")
                {
                    var count = (after.Fields[code] as JsonArray)?.Count ?? 0;
                    if (count > ((before.Fields[code] as JsonArray)?.Count ?? 0))
                    {
                        ops.Add(("CMDBChangeOpSetAttributeCaseLog", new JsonObject
                        {
                            ["attcode"] = code,
                            ["lastentry"] = (count - 1).ToString(CultureInfo.InvariantCulture),
                        }));
                    }

                    continue;
                }

                var old = ctx.Reader.Text(before, code);
                var now = ctx.Reader.Text(after, code);
                if (old == now)
                {
                    continue;
                }

                if (TextAttributes.Contains(code) || HtmlAttributes.Contains(code))
                {
                    var cls = HtmlAttributes.Contains(code) ? "CMDBChangeOpSetAttributeHTML" : "CMDBChangeOpSetAttributeText";
                    ops.Add((cls, new JsonObject { ["attcode"] = code, ["prevdata"] = old }));
                }
                else
                {
                    ops.Add(("CMDBChangeOpSetAttributeScalar", new JsonObject { ["attcode"] = code, ["oldvalue"] = old, ["newvalue"] = now }));
                }
            }
        }

        if (ops.Count == 0)
        {
            return;
        }

        var date = ctx.Clock.Now();
        var userId = ctx.User.Id.ToString(CultureInfo.InvariantCulture);
        var changeId = ctx.Store.Next("CMDBChange", 0);
        var change = changeId.ToString(CultureInfo.InvariantCulture);
        ctx.Store.Save(new SandboxObject("CMDBChange", changeId, new JsonObject
        {
            ["date"] = date,
            ["userinfo"] = comment,
            ["user_id"] = userId,
            ["origin"] = "webservice-rest",
            ["friendlyname"] = date,
            ["user_id_friendlyname"] = ctx.User.Login,
            ["user_id_finalclass_recall"] = ctx.User.Class,
        }));

        foreach (var (cls, detail) in ops)
        {
            var fields = new JsonObject
            {
                ["change"] = change,
                ["date"] = date,
                ["userinfo"] = comment,
                ["user_id"] = userId,
                ["objclass"] = after.Class,
                ["objkey"] = after.Id.ToString(CultureInfo.InvariantCulture),
            };
            foreach (var (key, value) in detail)
            {
                fields[key] = value?.DeepClone();
            }

            fields["finalclass"] = cls;
            fields["friendlyname"] = change;
            fields["change_friendlyname"] = date;
            fields["user_id_friendlyname"] = ctx.User.Login;
            ctx.Store.Save(new SandboxObject(cls, ctx.Store.Next("CMDBChangeOp", 0), fields));
        }
    }

    private static bool Tracked(string code) =>
        code is "operational_status" or "public_log" or "private_log"
        || (TicketWriter.Defaults.ContainsKey(code) && code != "last_update");
}
