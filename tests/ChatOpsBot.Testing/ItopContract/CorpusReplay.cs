using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing.ItopContract;

/// <summary>
/// Replays recorded exchanges in order against an iTop (the sandbox or a real one): rebuilds each request as it was
/// sent (auth mode, form fields, headers, raw bytes) with the secrets of the target, and compares the answer with the
/// recorded one. Ids and refs of objects created during the replay are learnt from "created" answers and mapped in
/// later requests and expected bodies (they come out identical when the replay starts from the recorded seed).
/// </summary>
public sealed class CorpusReplay(ReplaySecrets secrets, CorpusComparer comparer)
{
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _literals = new(StringComparer.Ordinal);

    /// <summary>From now on, <paramref name="recorded"/> inside a request's OQL key is sent as <paramref name="replayed"/>.</summary>
    public void MapLiteral(string recorded, string replayed) => _literals[recorded] = replayed;

    /// <summary>The differences between the recorded answer and <paramref name="actual"/> (none: reproduced).</summary>
    public IReadOnlyList<string> Check(CorpusExchange exchange, JsonObject actual)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(actual);
        var diffs = new List<string>();
        comparer.Compare(Translate(exchange.ExpectedBody), actual, "body", diffs, _refs);
        LearnIds(exchange.ExpectedBody, actual);
        return diffs;
    }

    /// <summary>The exchange's request for this target; <paramref name="wrong"/>: the secret that was wrong when recorded.</summary>
    public HttpRequestMessage BuildRequest(CorpusExchange exchange, WrongSecret wrong = WrongSecret.None)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var recorded = exchange.Request;
        var user = recorded["auth_user"]?.GetValue<string>() ?? string.Empty;
        var password = wrong == WrongSecret.Auth ? secrets.WrongPassword : secrets.PasswordOf(user);
        var token = wrong == WrongSecret.Auth ? secrets.WrongToken : secrets.Token;

        byte[]? json = null;
        if (recorded["json_data"] is JsonObject data)
        {
            var copy = TranslateRequest(data);
            if (copy["password"]?.GetValue<string>() == "***")
            {
                copy["password"] = wrong == WrongSecret.Json ? secrets.WrongPassword : secrets.PasswordOf(copy["user"]?.GetValue<string>() ?? user);
            }

            json = Encoding.UTF8.GetBytes(copy.ToJsonString());
        }
        else if (recorded["json_data_raw"] is JsonValue raw)
        {
            // Sent as raw bytes; the record shows them decoded as latin-1 (082).
            json = Encoding.Latin1.GetBytes(raw.GetValue<string>());
        }

        var path = recorded["path"]!.GetValue<string>().TrimStart('/')
            .Replace("auth_token=***", "auth_token=" + PercentEncode(Encoding.UTF8.GetBytes(token)), StringComparison.Ordinal)
            .Replace("auth_pwd=***", "auth_pwd=" + PercentEncode(Encoding.UTF8.GetBytes(password)), StringComparison.Ordinal);
        if (json is not null)
        {
            path = path.Replace("json_data=<json_data>", "json_data=" + PercentEncode(json), StringComparison.Ordinal);
        }

        var method = new HttpMethod(recorded["method"]!.GetValue<string>());
        var request = new HttpRequestMessage(method, path);
        if (recorded["headers"] is JsonObject headers)
        {
            if (headers.ContainsKey("Authorization"))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
            }

            if (headers.ContainsKey("Auth-Token"))
            {
                request.Headers.Add("Auth-Token", token);
            }
        }

        if (method == HttpMethod.Post)
        {
            var body = new StringBuilder();
            foreach (var field in recorded["form_fields"]!.AsArray().Select(f => f!.GetValue<string>()))
            {
                var value = field switch
                {
                    "auth_user" => PercentEncode(Encoding.UTF8.GetBytes(user)),
                    "auth_pwd" => PercentEncode(Encoding.UTF8.GetBytes(password)),
                    "json_data" => PercentEncode(json ?? []),
                    _ => string.Empty,
                };
                body.Append(body.Length == 0 ? string.Empty : "&").Append(field).Append('=').Append(value);
            }

            request.Content = new StringContent(body.ToString(), Encoding.ASCII);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(recorded["content_type"]?.GetValue<string>() ?? "application/x-www-form-urlencoded");
        }

        return request;
    }

    /// <summary>A request's json_data with the recorded ids/refs of replay-created objects replaced by the target's.</summary>
    public JsonObject TranslateRequest(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var copy = (JsonObject)data.DeepClone();
        var cls = copy["class"]?.GetValue<string>();
        if (cls is not null && copy["key"] is JsonValue key && key.GetValueKind() == JsonValueKind.Number
            && _ids.TryGetValue($"{cls}::{key}", out var mapped))
        {
            copy["key"] = long.Parse(mapped[(mapped.IndexOf("::", StringComparison.Ordinal) + 2)..], CultureInfo.InvariantCulture);
        }

        if (copy["key"] is JsonObject criteria && criteria["ref"] is JsonValue r && _refs.TryGetValue(r.GetValue<string>(), out var newRef))
        {
            criteria["ref"] = newRef;
        }

        if (copy["key"] is JsonValue oql && oql.GetValueKind() == JsonValueKind.String)
        {
            copy["key"] = _literals.Aggregate(oql.GetValue<string>(), (text, literal) => text.Replace(literal.Key, literal.Value, StringComparison.Ordinal));
        }

        return copy;
    }

    /// <summary>form-urlencoded percent-encoding of raw bytes (unreserved characters kept), as the recorder sent them.</summary>
    public static string PercentEncode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private void LearnIds(JsonObject expected, JsonObject actual)
    {
        if (expected["objects"] is not JsonObject e || actual["objects"] is not JsonObject a || e.Count != 1 || a.Count != 1)
        {
            return;
        }

        var (eName, eObj) = e.First();
        var (aName, aObj) = a.First();
        if (eObj?["message"]?.GetValue<string>() != "created")
        {
            return;
        }

        _ids[eName] = aName;
        if (eObj["fields"]?["ref"] is JsonValue eRef && aObj?["fields"]?["ref"] is JsonValue aRef)
        {
            _refs[eRef.GetValue<string>()] = aRef.GetValue<string>();
        }
    }

    /// <summary>The expected body with recorded ids/refs of replay-created objects replaced by the target's.</summary>
    private JsonObject Translate(JsonObject expected)
    {
        if (_ids.Count == 0 || expected["objects"] is not JsonObject)
        {
            return expected;
        }

        var copy = (JsonObject)expected.DeepClone();
        var translated = new JsonObject();
        foreach (var (name, obj) in (JsonObject)copy["objects"]!)
        {
            var target = _ids.GetValueOrDefault(name, name);
            var clone = obj!.DeepClone();
            clone["key"] = target[(target.IndexOf("::", StringComparison.Ordinal) + 2)..];
            translated[target] = clone;
        }

        copy["objects"] = translated;
        return copy;
    }
}
