using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox.Model;
using ChatOpsBot.ItopSandbox.Storage;

namespace ChatOpsBot.ItopSandbox.Rest;

/// <summary>The operations of iTop's CoreServices REST extension, as recorded.</summary>
internal sealed class CoreServices(RestContext ctx)
{
    private static readonly (string Verb, string Description)[] Operations =
    [
        ("core/create", "Create an object"),
        ("core/update", "Update an object"),
        ("core/apply_stimulus", "Apply a stimulus to change the state of an object"),
        ("core/get", "Search for objects"),
        ("core/delete", "Delete objects"),
        ("core/get_related", "Get related objects through the specified relation"),
        ("core/check_credentials", "Check user credentials"),
    ];

    public JsonObject Execute(string operation, JsonObject request) => operation switch
    {
        "list_operations" => ListOperations(),
        "core/check_credentials" => CheckCredentials(request),
        "core/get" => Get(request),
        "core/create" => Create(request),
        "core/update" => Update(request),
        "core/apply_stimulus" => ApplyStimulus(request),
        "core/delete" => Delete(request),
        _ => throw new RestException(RestCodes.UnknownOperation, $"Error: Unknown verb '{operation}' in version '{ctx.Version}'"),
    };

    private JsonObject ListOperations()
    {
        var list = new JsonArray();
        foreach (var (verb, description) in Operations)
        {
            list.Add(new JsonObject { ["verb"] = verb, ["description"] = description, ["extension"] = "CoreServices" });
        }

        return new JsonObject
        {
            ["code"] = 0,
            ["message"] = string.Create(CultureInfo.InvariantCulture, $"Operations: {Operations.Length}"),
            ["version"] = ctx.Version,
            ["operations"] = list,
        };
    }

    private JsonObject CheckCredentials(JsonObject request)
    {
        var login = KeyResolver.Text(Mandatory(request, "user"));
        var password = KeyResolver.Text(Mandatory(request, "password"));
        var user = ctx.Store.FindUser(login);
        var ok = user is { Password: not null } && string.Equals(user.Password, password, StringComparison.Ordinal);
        return new JsonObject { ["code"] = 0, ["message"] = null, ["authorized"] = ok };
    }

    private JsonObject Get(JsonObject request)
    {
        var cls = ClassParam(request);
        var key = Mandatory(request, "key");
        var output = OutputFields.Parse(ctx, cls, request["output_fields"]);
        if (ctx.Store.Model.Find(cls)?.AdminOnly == true && !ctx.User.IsAdministrator)
        {
            throw new RestException(RestCodes.Unauthorized, $"The current user does not have enough permissions for reading data of class {cls}", withObjects: true);
        }

        var limit = request["limit"] is { } l ? int.Parse(KeyResolver.Text(l), CultureInfo.InvariantCulture) : 0;
        var page = request["page"] is { } p ? int.Parse(KeyResolver.Text(p), CultureInfo.InvariantCulture) : 1;
        if (page < 1)
        {
            throw new RestException(RestCodes.InvalidPage, "The request page number is not valid. It must be an integer greater than 0", withObjects: true);
        }

        var found = Sort(KeyResolver.Search(ctx, cls, key));
        IEnumerable<SandboxObject> slice = found;
        if (limit > 0)
        {
            slice = found.Skip((page - 1) * limit).Take(limit);
        }

        var objects = new JsonObject();
        foreach (var obj in slice)
        {
            objects[Name(obj)] = output.Render(ctx, obj, string.Empty);
        }

        return new JsonObject
        {
            ["code"] = 0,
            ["message"] = string.Create(CultureInfo.InvariantCulture, $"Found: {found.Count}"),
            ["objects"] = objects.Count == 0 ? null : objects,
        };
    }

    private JsonObject Create(JsonObject request)
    {
        var cls = ClassParam(request);
        var comment = Comment(request);
        var fields = Fields(request);
        var output = OutputFields.Parse(ctx, cls, request["output_fields"]);
        if (cls != "UserRequest")
        {
            throw new RestException(RestCodes.InternalError, $"Error: the iTop sandbox only creates UserRequest objects, not {cls}");
        }

        var ticket = TicketWriter.NewTicket();
        new TicketWriter(ctx).Apply(ticket, fields);

        // iTop allocates the ref before checking the object, so failed checks leave gaps in the refs.
        var refNumber = ctx.Store.Next("ref", 0);
        if (string.IsNullOrEmpty(ticket["ref"]?.GetValue<string>()))
        {
            ticket["ref"] = string.Create(CultureInfo.InvariantCulture, $"R-{refNumber:D6}");
        }

        var now = ctx.Clock.Now();
        if (string.IsNullOrEmpty(ticket["start_date"]?.GetValue<string>()))
        {
            ticket["start_date"] = now;
        }

        ticket["last_update"] = now;
        TicketWriter.ComputePriority(ticket);
        TicketWriter.Validate(ticket, -1);
        Stopwatch.Start(ticket, ticket["status"]!.GetValue<string>(), ctx.Clock);

        var maxId = ctx.Store.All("Ticket").Select(o => o.Id).DefaultIfEmpty(0).Max();
        var id = ctx.Store.Next("ticket_id", maxId);
        var obj = new SandboxObject(cls, id, ticket);
        ctx.Store.Save(obj);
        History.Record(ctx, comment, null, obj);
        return Single(obj, output, "created", justCreated: true);
    }

    private JsonObject Update(JsonObject request)
    {
        var cls = ClassParam(request);
        var comment = Comment(request);
        var key = Mandatory(request, "key");
        var fields = Fields(request);
        var output = OutputFields.Parse(ctx, cls, request["output_fields"]);
        var current = KeyResolver.Single(ctx, cls, key, string.Empty);
        var ticket = (JsonObject)current.Fields.DeepClone();
        new TicketWriter(ctx).Apply(ticket, fields);
        ticket["last_update"] = ctx.Clock.Now();
        TicketWriter.ComputePriority(ticket);
        TicketWriter.Validate(ticket, current.Id);
        var obj = current with { Fields = ticket };
        ctx.Store.Save(obj);
        History.Record(ctx, comment, current, obj);
        return Single(obj, output, "updated");
    }

    private JsonObject ApplyStimulus(JsonObject request)
    {
        var cls = ClassParam(request);
        var comment = Comment(request);
        var key = Mandatory(request, "key");
        var stimulus = KeyResolver.Text(Mandatory(request, "stimulus"));
        var fields = Fields(request);
        var output = OutputFields.Parse(ctx, cls, request["output_fields"]);
        var current = KeyResolver.Single(ctx, cls, key, string.Empty);
        var ticket = (JsonObject)current.Fields.DeepClone();
        new TicketWriter(ctx).Apply(ticket, fields);

        var from = ticket["status"]?.GetValue<string>() ?? "new";
        var target = Lifecycle.Target(from, stimulus)
            ?? throw new RestException(
                RestCodes.InternalError,
                $"Invalid stimulus: '{stimulus}' on the object {ticket["ref"]?.GetValue<string>()} in state '{from}'",
                withObjects: true);
        var missing = Lifecycle.Mandatory(target).Where(code => string.IsNullOrEmpty(KeyResolver.Text(ticket[code]))).ToList();
        if (missing.Count > 0)
        {
            throw new RestException(RestCodes.InternalError, $"Missing mandatory attribute(s) for applying the stimulus: {string.Join(", ", missing)}.", withObjects: true);
        }

        var now = ctx.Clock.Now();
        switch (stimulus)
        {
            case "ev_assign" when from is "new" or "approved" or "escalated_tto":
                ticket["assignment_date"] = now;
                break;
            case "ev_pending":
                ticket["last_pending_date"] = now;
                break;
            case "ev_resolve" or "ev_autoresolve":
                ticket["resolution_date"] = now;
                var start = ItopClock.Parse(KeyResolver.Text(ticket["start_date"]));
                ticket["time_spent"] = start is null
                    ? string.Empty
                    : ((long)(ctx.Clock.UtcNow - start.Value).TotalSeconds).ToString(CultureInfo.InvariantCulture);
                break;
            case "ev_close":
                ticket["close_date"] = now;
                break;
        }

        Stopwatch.Transition(ticket, from, target, ctx.Clock);
        ticket["status"] = target;
        ticket["last_update"] = now;
        TicketWriter.ComputePriority(ticket);
        TicketWriter.Validate(ticket, current.Id);
        var obj = current with { Fields = ticket };
        ctx.Store.Save(obj);
        History.Record(ctx, comment, current, obj);
        return Single(obj, output, "updated");
    }

    private JsonObject Delete(JsonObject request)
    {
        var cls = ClassParam(request);
        Comment(request);
        var key = Mandatory(request, "key");
        var simulate = request["simulate"] is JsonValue s && KeyResolver.Text(s) is "1" or "true";
        if (!ctx.User.IsAdministrator)
        {
            throw new RestException(RestCodes.Unauthorized, $"The current user does not have enough permissions for deleting data of class {cls}", withObjects: true);
        }

        var targets = Sort(KeyResolver.Search(ctx, cls, key));
        var objects = new JsonObject();
        var cascade = 0;
        foreach (var obj in targets)
        {
            objects[Name(obj)] = DeleteEntry(obj, 0, string.Empty);
            if (obj.Class == "Person")
            {
                cascade += ResetPersonReferences(obj, objects, simulate);
            }

            if (!simulate)
            {
                ctx.Store.Delete(obj);
            }
        }

        var message = string.Create(CultureInfo.InvariantCulture, $"Deleted: {targets.Count}");
        if (cascade > 0)
        {
            message += string.Create(CultureInfo.InvariantCulture, $" plus (for DB integrity) {cascade}");
        }

        return new JsonObject
        {
            ["code"] = 0,
            ["message"] = simulate ? "SIMULATING: " + message : message,
            ["objects"] = objects.Count == 0 ? null : objects,
        };
    }

    private int ResetPersonReferences(SandboxObject person, JsonObject objects, bool simulate)
    {
        var count = 0;
        var id = person.Id.ToString(CultureInfo.InvariantCulture);
        foreach (var user in ctx.Store.Users.Where(u => u.ContactId == person.Id))
        {
            objects[$"{user.Class}::{user.Id}"] = new JsonObject
            {
                ["code"] = 5,
                ["message"] = "Reset external keys: Person",
                ["class"] = user.Class,
                ["key"] = user.Id.ToString(CultureInfo.InvariantCulture),
                ["fields"] = new JsonObject { ["id"] = user.Id.ToString(CultureInfo.InvariantCulture), ["friendlyname"] = user.Login },
            };
            count++;
        }

        var tickets = ctx.Store.All("UserRequest")
            .Where(t => KeyResolver.Text(t.Fields["caller_id"]) == id)
            .OrderBy(t => KeyResolver.Text(t.Fields["ref"]), StringComparer.Ordinal)
            .ToList();
        foreach (var ticket in tickets)
        {
            objects[Name(ticket)] = DeleteEntry(ticket, 5, "Reset external keys: Caller");
            if (!simulate)
            {
                var fields = (JsonObject)ticket.Fields.DeepClone();
                fields["caller_id"] = "0";
                ctx.Store.Save(ticket with { Fields = fields });
            }

            count++;
        }

        return count;
    }

    private JsonObject DeleteEntry(SandboxObject obj, int code, string message) => new()
    {
        ["code"] = code,
        ["message"] = message,
        ["class"] = obj.Class,
        ["key"] = obj.Id.ToString(CultureInfo.InvariantCulture),
        ["fields"] = new JsonObject
        {
            ["id"] = obj.Id.ToString(CultureInfo.InvariantCulture),
            ["friendlyname"] = ctx.Reader.FriendlyName(obj),
        },
    };

    private JsonObject Single(SandboxObject obj, OutputFields output, string message, bool justCreated = false) => new()
    {
        ["code"] = 0,
        ["message"] = null,
        ["objects"] = new JsonObject { [Name(obj)] = output.Render(ctx, obj, message, justCreated) },
    };

    private List<SandboxObject> Sort(List<SandboxObject> objects)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        var sorted = objects.OrderBy(o => o, Comparer<SandboxObject>.Create((a, b) =>
        {
            var info = ctx.Store.Model.Find(a.Class);
            var code = info?.OrderBy ?? "friendlyname";
            var order = code == "id"
                ? a.Id.CompareTo(b.Id)
                : compare.Compare(ctx.Reader.Text(a, code), ctx.Reader.Text(b, code), CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);
            if (order == 0)
            {
                order = a.Id.CompareTo(b.Id);
            }

            return info?.OrderDescending == true ? -order : order;
        }));
        return sorted.ToList();
    }

    private static string Name(SandboxObject obj) => string.Create(CultureInfo.InvariantCulture, $"{obj.Class}::{obj.Id}");

    private string ClassParam(JsonObject request)
    {
        var cls = KeyResolver.Text(Mandatory(request, "class"));
        if (ctx.Store.Model.Find(cls) is null)
        {
            throw new RestException(RestCodes.InternalError, $"Error: class: '{cls}' is not a valid class'");
        }

        return cls;
    }

    private static string Comment(JsonObject request) => KeyResolver.Text(Mandatory(request, "comment"));

    private static JsonObject Fields(JsonObject request) =>
        Mandatory(request, "fields") as JsonObject ?? [];

    private static JsonNode Mandatory(JsonObject request, string name) =>
        request[name] ?? throw new RestException(RestCodes.InternalError, $"Error: Missing parameter '{name}'");
}
