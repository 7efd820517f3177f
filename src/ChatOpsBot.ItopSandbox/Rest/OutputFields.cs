using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox.Model;
using ChatOpsBot.ItopSandbox.Storage;

namespace ChatOpsBot.ItopSandbox.Rest;

/// <summary>The <c>output_fields</c> parameter: a list of codes, <c>*</c> (requested class) or <c>*+</c> (each object's class).</summary>
internal sealed class OutputFields
{
    private readonly string _requestClass;
    private readonly string _spec;
    private readonly List<string> _codes;

    private OutputFields(string requestClass, string spec, List<string> codes)
    {
        _requestClass = requestClass;
        _spec = spec;
        _codes = codes;
    }

    public static OutputFields Parse(RestContext ctx, string requestClass, JsonNode? node)
    {
        var spec = node is null ? "*" : KeyResolver.Text(node).Trim();
        if (spec is "*" or "*+")
        {
            return new OutputFields(requestClass, spec, []);
        }

        var info = ctx.Store.Model.Find(requestClass);
        var codes = spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var code in codes)
        {
            if (info is not null && !info.Attributes.Contains(code))
            {
                throw new RestException(RestCodes.InternalError, $"Error: output_fields: invalid attribute code '{code}'");
            }
        }

        return new OutputFields(requestClass, spec, codes);
    }

    public JsonObject Render(RestContext ctx, SandboxObject obj, string message, bool justCreated = false)
    {
        var model = ctx.Store.Model;
        IEnumerable<string> codes = _spec switch
        {
            "*" => Star(model, model.IsA(obj.Class, _requestClass) ? _requestClass : obj.Class, obj),
            "*+" => Star(model, obj.Class, obj),
            _ => _codes,
        };
        var fields = new JsonObject();
        var info = model.Find(obj.Class);
        foreach (var code in codes)
        {
            if (info is not null && !info.Attributes.Contains(code))
            {
                throw new RestException(RestCodes.InternalError, $"Error: Unknown attribute {code} from class {obj.Class}");
            }

            fields[code] = ctx.Scope.Filter(ctx.Reader.Value(obj, code, justCreated));
        }

        return new JsonObject
        {
            ["code"] = 0,
            ["message"] = message,
            ["class"] = obj.Class,
            ["key"] = obj.Id.ToString(CultureInfo.InvariantCulture),
            ["fields"] = fields,
        };
    }

    private static IEnumerable<string> Star(DataModel model, string cls, SandboxObject obj)
    {
        var info = model.Find(cls);
        if (info is null || info.StarAttributes.Count == 0)
        {
            return obj.Fields.Select(p => p.Key);
        }

        return info.StarAttributes.Where(c => c != "id");
    }
}
