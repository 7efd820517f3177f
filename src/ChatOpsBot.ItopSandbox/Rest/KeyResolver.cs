using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox.Model;
using ChatOpsBot.ItopSandbox.Oql;
using ChatOpsBot.ItopSandbox.Storage;

namespace ChatOpsBot.ItopSandbox.Rest;

/// <summary>Finds objects from a REST key: numeric id, search-criteria object or OQL string.</summary>
internal static class KeyResolver
{
    public static List<SandboxObject> Search(RestContext ctx, string cls, JsonNode? key)
    {
        switch (key)
        {
            case JsonObject criteria:
                CheckExternalKeys(ctx, cls, criteria);
                return ctx.Store.All(cls).Where(ctx.Visible).Where(o => Matches(ctx, o, criteria)).ToList();
            case JsonValue value when TryId(value, out var id):
                var obj = ctx.Store.Get(cls, id);
                return obj is not null && ctx.Visible(obj) ? [obj] : [];
            case JsonValue value when value.TryGetValue<string>(out var oql):
                return RunOql(ctx, oql);
            default:
                throw new RestException(RestCodes.InternalError, "Error: Missing parameter 'key'");
        }
    }

    public static List<SandboxObject> RunOql(RestContext ctx, string oql)
    {
        try
        {
            var query = OqlParser.Parse(oql);
            return new OqlEvaluator(ctx.Store, ctx.Reader, ctx.Visible).Run(query);
        }
        catch (OqlException e)
        {
            throw new RestException(
                RestCodes.InternalError,
                $"Error: Query failed to execute: query = {oql}, exception_class = {e.ExceptionClass}, exception_message = {e.Message}");
        }
    }

    /// <summary>The single object a write addresses ("Invalid object Class::id" otherwise).</summary>
    public static SandboxObject Single(RestContext ctx, string cls, JsonNode? key, string prefix)
    {
        if (key is JsonValue value && TryId(value, out var id))
        {
            var obj = ctx.Store.Get(cls, id);
            if (obj is null || !ctx.Visible(obj))
            {
                throw new RestException(RestCodes.InternalError, string.Create(CultureInfo.InvariantCulture, $"Error: {prefix}Invalid object {cls}::{id}"));
            }

            return obj;
        }

        var found = Search(ctx, cls, key);
        if (found.Count == 1)
        {
            return found[0];
        }

        var what = key is JsonObject criteria
            ? "with criteria: " + string.Join(", ", criteria.Select(p => $"{p.Key}: {Text(p.Value)} ({Text(p.Value)})"))
            : "for query: " + Text(key);
        throw new RestException(
            RestCodes.InternalError,
            found.Count == 0
                ? $"Error: {prefix}No item found {what}"
                : string.Create(CultureInfo.InvariantCulture, $"Error: {prefix}Several items found ({found.Count}) {what}"));
    }

    public static bool TryId(JsonValue value, out long id)
    {
        id = 0;
        return value.GetValueKind() switch
        {
            JsonValueKind.Number => value.TryGetValue(out id) || (value.TryGetValue<double>(out var d) && (id = (long)d) == d),
            JsonValueKind.String => long.TryParse(value.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out id),
            _ => false,
        };
    }

    public static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "1",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "0",
        _ => node.ToJsonString(),
    };

    /// <summary>
    /// An external key in search criteria must name an object the caller can see, in the order given: "Error: org_id:
    /// Invalid object Organization::99" for anyone, and for an object outside a restricted account's organizations.
    /// 0 means "no object" and matches the objects without one.
    /// </summary>
    private static void CheckExternalKeys(RestContext ctx, string cls, JsonObject criteria)
    {
        foreach (var (code, value) in criteria)
        {
            if (SeedClassKeys.Target(ctx.Store.Model, cls, code) is { } target && !(value is JsonValue v && TryId(v, out var id) && id == 0))
            {
                Single(ctx, target, value, code + ": ");
            }
        }
    }

    private static bool Matches(RestContext ctx, SandboxObject obj, JsonObject criteria) =>
        criteria.All(p => string.Compare(
            ctx.Reader.Text(obj, p.Key),
            Text(p.Value),
            CultureInfo.InvariantCulture,
            CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0);
}
