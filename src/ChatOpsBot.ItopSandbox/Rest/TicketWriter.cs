using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox.Model;
using ChatOpsBot.ItopSandbox.Text;

namespace ChatOpsBot.ItopSandbox.Rest;

/// <summary>Writes REST <c>fields</c> into a UserRequest and checks it the way iTop's CheckToWrite does.</summary>
internal sealed class TicketWriter(RestContext ctx)
{
    /// <summary>Stored attributes with their default value at creation.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["ref"] = string.Empty, ["org_id"] = "0", ["caller_id"] = "0", ["team_id"] = "0", ["agent_id"] = "0", ["title"] = null,
        ["description"] = null, ["start_date"] = string.Empty, ["end_date"] = string.Empty, ["last_update"] = string.Empty,
        ["close_date"] = string.Empty, ["status"] = "new", ["request_type"] = "service_request", ["impact"] = "1",
        ["priority"] = "4", ["urgency"] = "4", ["origin"] = "phone", ["approver_id"] = "0", ["service_id"] = "0",
        ["servicesubcategory_id"] = "0", ["escalation_flag"] = "no", ["escalation_reason"] = string.Empty,
        ["assignment_date"] = string.Empty, ["resolution_date"] = string.Empty, ["last_pending_date"] = string.Empty,
        ["tto_escalation_deadline"] = string.Empty, ["sla_tto_passed"] = "no", ["sla_tto_over"] = null,
        ["ttr_escalation_deadline"] = string.Empty, ["sla_ttr_passed"] = "no", ["sla_ttr_over"] = null,
        ["time_spent"] = string.Empty, ["resolution_code"] = "assistance", ["solution"] = string.Empty,
        ["pending_reason"] = string.Empty, ["parent_request_id"] = "0", ["parent_incident_id"] = "0", ["parent_change_id"] = "0",
        ["user_satisfaction"] = "1", ["user_comment"] = string.Empty,
    };

    private static readonly Dictionary<string, (string Label, string[] Values)> Enums = new(StringComparer.Ordinal)
    {
        ["status"] = ("Status", [.. Lifecycle.States]),
        ["request_type"] = ("Request Type", ["service_request"]),
        ["impact"] = ("Impact", ["1", "2", "3"]),
        ["urgency"] = ("Urgency", ["1", "2", "3", "4"]),
        ["origin"] = ("Origin", ["chat", "mail", "in_person", "phone", "portal"]),
        ["resolution_code"] = ("Resolution code", ["assistance", "bug fixed", "hardware repair", "other", "software patch", "system update", "training"]),
        ["user_satisfaction"] = ("User satisfaction", ["1", "2", "3", "4"]),
        ["escalation_flag"] = ("Escalation flag", ["no", "yes"]),
    };

    private static readonly HashSet<string> HtmlAttributes = new(StringComparer.Ordinal) { "description", "solution" };

    private static readonly HashSet<string> Stopwatches = new(StringComparer.Ordinal) { "tto", "ttr", "cumulatedpending" };

    public static JsonObject NewTicket()
    {
        var fields = new JsonObject();
        foreach (var (code, value) in Defaults)
        {
            fields[code] = value;
        }

        fields["private_log"] = new JsonArray();
        fields["public_log"] = new JsonArray();
        fields["tto"] = 0;
        fields["ttr"] = 0;
        fields["cumulatedpending"] = 0;
        return fields;
    }

    /// <summary>Applies <paramref name="fields"/> in the order given (unknown attributes and bad external keys stop at once).</summary>
    public void Apply(JsonObject ticket, JsonObject fields)
    {
        foreach (var (code, value) in fields)
        {
            if (code is "public_log" or "private_log")
            {
                var log = ticket[code] as JsonArray ?? [];
                log.Add(CaseLogEntry(code, value));
                ticket[code] = log;
                continue;
            }

            if (DataModel.FindKey(code) is { } key)
            {
                ticket[code] = ResolveExternalKey(key, value);
                continue;
            }

            if (!Defaults.ContainsKey(code))
            {
                if (DataModel.UserRequestStar.Contains(code) && !Stopwatches.Contains(code))
                {
                    continue;
                }

                throw new RestException(RestCodes.InternalError, $"Error: {code}: Unknown attribute");
            }

            var text = value is null ? null : KeyResolver.Text(value);
            ticket[code] = text is not null && HtmlAttributes.Contains(code) && text.Length > 0 ? HtmlText.ForHtmlAttribute(text) : text;
        }
    }

    /// <summary>Attribute-level checks (null, enum values, length); the first issue becomes the message as in iTop.</summary>
    public static void Validate(JsonObject ticket, long id)
    {
        var issues = new List<string>();
        foreach (var code in DataModel.UserRequestStar)
        {
            var value = ticket[code] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            if (code == "org_id" && (value is null or "0" or ""))
            {
                issues.Add(Issue("Organization", code, "Null not allowed"));
            }
            else if (code is "title" or "description" && string.IsNullOrEmpty(value))
            {
                issues.Add(Issue(code == "title" ? "Title" : "Description", code, "Null not allowed"));
            }
            else if (code == "title" && value!.EnumerateRunes().Count() > 255)
            {
                issues.Add(Issue("Title", code, string.Create(CultureInfo.InvariantCulture, $"String too long (found {value.EnumerateRunes().Count()}, limited to 255)")));
            }
            else if (Enums.TryGetValue(code, out var e) && value is not null && !e.Values.Contains(value, StringComparer.Ordinal))
            {
                issues.Add(Issue(e.Label, code, $"Value not allowed [{value}]"));
            }
        }

        if (issues.Count > 0)
        {
            var list = string.Join(", ", issues.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"{i}=>{s}")));
            throw new RestException(
                RestCodes.InternalError,
                string.Create(CultureInfo.InvariantCulture, $"Error: {issues[0]}: issues = {{{list}}}, class = UserRequest, id = {id}"));
        }
    }

    /// <summary>priority = f(impact, urgency), recomputed on every write (084, 102).</summary>
    public static void ComputePriority(JsonObject ticket)
    {
        var impact = ticket["impact"]?.GetValue<string>();
        var urgency = ticket["urgency"]?.GetValue<string>();
        ticket["priority"] = (impact, urgency) switch
        {
            ("1", "1") or ("1", "2") or ("2", "1") => "1",
            ("1", "3") or ("2", "2") or ("3", "1") => "2",
            ("2", "3") or ("3", "2") or ("3", "3") => "3",
            _ => "4",
        };
    }

    private static string Issue(string label, string code, string what) => $"Unexpected value for attribute '{label}' ({code}) : {what}";

    private string ResolveExternalKey(ExternalKey key, JsonNode? value)
    {
        if (value is null || (value is JsonValue v && KeyResolver.TryId(v, out var id) && id == 0))
        {
            return "0";
        }

        var target = KeyResolver.Single(ctx, key.TargetClass, value, key.Code + ": ");
        return target.Id.ToString(CultureInfo.InvariantCulture);
    }

    private JsonObject CaseLogEntry(string code, JsonNode? value)
    {
        var entry = new JsonObject
        {
            ["date"] = ctx.Clock.Now(),
            ["user_login"] = ctx.SignatureName,
            ["user_id"] = ctx.User.Id.ToString(CultureInfo.InvariantCulture),
        };
        if (value is JsonObject obj && obj["add_item"] is JsonObject item)
        {
            if (item["message"] is null)
            {
                throw new RestException(RestCodes.InternalError, $"Error: {code}: Missing mandatory entry: 'message'");
            }

            if (item.ContainsKey("user_id"))
            {
                if (!ctx.User.IsAdministrator)
                {
                    throw new RestException(RestCodes.Unauthorized, $"Error: {code}: Only administrators can set the user id");
                }

                entry["user_id"] = item["user_id"]?.DeepClone();
                if (item["user_login"] is { } login)
                {
                    entry["user_login"] = login.DeepClone();
                }
            }

            if (item["date"] is { } date)
            {
                entry["date"] = KeyResolver.Text(date);
            }

            var message = KeyResolver.Text(item["message"]);
            var format = item["format"] is { } f ? KeyResolver.Text(f) : "text";
            if (format == "html")
            {
                var html = HtmlText.Sanitize(message);
                entry["message"] = HtmlText.ToText(html);
                entry["message_html"] = html;
            }
            else
            {
                entry["message"] = message;
                entry["message_html"] = HtmlText.Escape(message).Replace("\n", "<br/>", StringComparison.Ordinal);
            }

            return entry;
        }

        var text = KeyResolver.Text(value);
        entry["message"] = text;
        entry["message_html"] = HtmlText.ForHtmlAttribute(text);
        return entry;
    }
}
