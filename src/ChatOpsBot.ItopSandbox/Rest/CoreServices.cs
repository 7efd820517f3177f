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
        "core/delete" => new DeleteOperation(ctx).Execute(request),
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
        var cls = ClassParam(ctx, request);
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

        var found = ResultOrder.Sort(ctx, KeyResolver.Search(ctx, cls, key));
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
        var cls = ClassParam(ctx, request);
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
        var cls = ClassParam(ctx, request);
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
        var cls = ClassParam(ctx, request);
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

    private JsonObject Single(SandboxObject obj, OutputFields output, string message, bool justCreated = false) => new()
    {
        ["code"] = 0,
        ["message"] = null,
        ["objects"] = new JsonObject { [Name(obj)] = output.Render(ctx, obj, message, justCreated) },
    };

    internal static string Name(SandboxObject obj) => string.Create(CultureInfo.InvariantCulture, $"{obj.Class}::{obj.Id}");

    internal static string ClassParam(RestContext ctx, JsonObject request)
    {
        var cls = KeyResolver.Text(Mandatory(request, "class"));
        if (ctx.Store.Model.Find(cls) is null)
        {
            throw new RestException(RestCodes.InternalError, $"Error: class: '{cls}' is not a valid class'");
        }

        return cls;
    }

    internal static string Comment(JsonObject request) => KeyResolver.Text(Mandatory(request, "comment"));

    private static JsonObject Fields(JsonObject request) =>
        Mandatory(request, "fields") as JsonObject ?? [];

    internal static JsonNode Mandatory(JsonObject request, string name) =>
        request[name] ?? throw new RestException(RestCodes.InternalError, $"Error: Missing parameter '{name}'");
}
