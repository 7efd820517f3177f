using System.Text.Json.Nodes;

namespace ChatOpsBot.Itop.Tests.Infrastructure;

/// <summary>
/// Route table for <see cref="StubItop"/> built from recorded bodies: reference data from the corpus (031, 035, 036,
/// 039, 041, 042, 046), one ticket (058's ticket 2) whose status/fields/logs follow the writes it receives.
/// It is a stand-in for the HTTP boundary, not a model of iTop: lifecycle rules are not re-implemented here.
/// </summary>
internal sealed class FakeItop
{
    private readonly JsonObject _ticket;

    public FakeItop()
    {
        var body = (JsonObject)JsonNode.Parse(Corpus.Body("058"))!;
        _ticket = (JsonObject)body["objects"]!["UserRequest::2"]!["fields"]!;
        _ticket["public_log"] = new JsonObject { ["entries"] = new JsonArray() };
        _ticket["private_log"] = new JsonObject { ["entries"] = new JsonArray() };
    }

    /// <summary>When false, case-log appends are acknowledged but not stored (iTop's lost concurrent append).</summary>
    public bool StoreLogEntries { get; set; } = true;

    /// <summary>When set, a stimulus answers success without changing the status.</summary>
    public bool IgnoreStimuli { get; set; }

    public StubReply Handle(RecordedRequest request)
    {
        var data = request.JsonData!;
        return (request.Operation, request.Class) switch
        {
            ("core/get", "UserRequest") => Ticket("Found: 1"),
            ("core/get", "Team") => StubReply.Ok(Corpus.Body("042")),
            ("core/get", "Person") => StubReply.Ok(Corpus.Body("046")),
            ("core/get", "ServiceFamily") => StubReply.Ok(Corpus.Body("035")),
            ("core/get", "Service") => StubReply.Ok(Corpus.Body("036")),
            ("core/get", "ServiceSubcategory") => StubReply.Ok(Corpus.Body("039")),
            ("core/get", "CustomerContract") => StubReply.Ok(Corpus.Body("041")),
            ("core/get", "Organization") => StubReply.Ok(Corpus.Body("031")),
            ("core/create", "UserRequest") => StubReply.Ok(Corpus.Body("058")),
            ("core/update", "UserRequest") => Update((JsonObject)data["fields"]!),
            ("core/apply_stimulus", "UserRequest") => Stimulus(data["stimulus"]!.GetValue<string>(), (JsonObject)data["fields"]!),
            _ => StubReply.Ok("""{"code":100,"message":"Error: unexpected request in test","objects":null}"""),
        };
    }

    public void SetStatus(string status) => _ticket["status"] = status;

    public void Set(string field, JsonNode? value) => _ticket[field] = value;

    private StubReply Ticket(string? message)
    {
        var envelope = new JsonObject
        {
            ["code"] = 0,
            ["message"] = message,
            ["objects"] = new JsonObject
            {
                ["UserRequest::2"] = new JsonObject
                {
                    ["code"] = 0, ["message"] = message is null ? "updated" : "", ["class"] = "UserRequest", ["key"] = "2", ["fields"] = _ticket.DeepClone(),
                },
            },
        };
        return StubReply.Ok(envelope.ToJsonString());
    }

    private StubReply Update(JsonObject fields)
    {
        Append(fields);
        return Ticket(null);
    }

    private void Append(JsonObject fields)
    {
        foreach (var log in new[] { "public_log", "private_log" })
        {
            if (fields[log]?["add_item"] is JsonObject item && StoreLogEntries)
            {
                ((JsonArray)_ticket[log]!["entries"]!).Add(new JsonObject
                {
                    ["date"] = "2026-11-28 12:05:00", ["user_login"] = "teams-bot", ["user_id"] = "10",
                    ["message"] = "", ["message_html"] = item["message"]!.GetValue<string>(),
                });
            }
        }
    }

    private StubReply Stimulus(string stimulus, JsonObject fields)
    {
        Append(fields);
        foreach (var (name, value) in fields)
        {
            if (name is not "public_log" and not "private_log")
            {
                _ticket[name] = value is null ? null : JsonValue.Create(value.ToString());
            }
        }

        if (!IgnoreStimuli)
        {
            _ticket["status"] = stimulus switch
            {
                "ev_assign" or "ev_reassign" or "ev_reopen" => "assigned",
                "ev_pending" => "pending",
                "ev_resolve" => "resolved",
                "ev_close" => "closed",
                "ev_wait_for_approval" => "waiting_for_approval",
                "ev_approve" => "approved",
                "ev_reject" => "rejected",
                _ => _ticket["status"]!.GetValue<string>(),
            };
        }

        return Ticket(null);
    }
}
