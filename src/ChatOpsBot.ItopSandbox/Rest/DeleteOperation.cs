using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox.Storage;

namespace ChatOpsBot.ItopSandbox.Rest;

/// <summary>core/delete: administrators only (163), <c>simulate</c>, and the "reset external keys" report (167).</summary>
internal sealed class DeleteOperation(RestContext ctx)
{
    public JsonObject Execute(JsonObject request)
    {
        var cls = CoreServices.ClassParam(ctx, request);
        CoreServices.Comment(request);
        var key = CoreServices.Mandatory(request, "key");
        var simulate = request["simulate"] is JsonValue s && KeyResolver.Text(s) is "1" or "true";
        if (!ctx.User.IsAdministrator)
        {
            throw new RestException(RestCodes.Unauthorized, $"The current user does not have enough permissions for deleting data of class {cls}", withObjects: true);
        }

        var targets = ResultOrder.Sort(ctx, KeyResolver.Search(ctx, cls, key));
        var objects = new JsonObject();
        var cascade = 0;
        foreach (var obj in targets)
        {
            objects[CoreServices.Name(obj)] = DeleteEntry(obj, 0, string.Empty);
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
            objects[CoreServices.Name(ticket)] = DeleteEntry(ticket, 5, "Reset external keys: Caller");
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
}
