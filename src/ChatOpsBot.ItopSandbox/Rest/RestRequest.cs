using System.Text;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.ItopSandbox.Rest;

/// <summary>
/// The parameters of a rest.php call. The form body is decoded by hand so that invalid UTF-8 inside json_data is
/// detected (iTop answers code 4, 082) instead of being silently replaced.
/// </summary>
internal sealed class RestRequest
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private readonly Dictionary<string, string?> _form = new(StringComparer.Ordinal);
    private readonly IQueryCollection _query;

    private RestRequest(IQueryCollection query, IHeaderDictionary headers)
    {
        _query = query;
        Headers = headers;
    }

    public IHeaderDictionary Headers { get; }

    public static async Task<RestRequest> ReadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        var request = new RestRequest(http.Query, http.Headers);
        if (HttpMethods.IsPost(http.Method)
            && http.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var buffer = new MemoryStream();
            await http.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            foreach (var pair in Encoding.ASCII.GetString(buffer.ToArray()).Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Decode(eq < 0 ? pair : pair[..eq]) ?? string.Empty;
                request._form[name] = Decode(eq < 0 ? string.Empty : pair[(eq + 1)..]);
            }
        }

        return request;
    }

    /// <summary>A POSTed form field; null when absent, and null value (present) when not valid UTF-8.</summary>
    public bool TryForm(string name, out string? value) => _form.TryGetValue(name, out value);

    public string? Query(string name) => _query.TryGetValue(name, out var v) ? v.ToString() : null;

    /// <summary>rest.php reads version/json_data/auth_token from GET or POST (017).</summary>
    public bool TryParameter(string name, out string? value)
    {
        if (TryForm(name, out value))
        {
            return true;
        }

        value = Query(name);
        return value is not null;
    }

    private static string? Decode(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%' && i + 2 < encoded.Length
                && byte.TryParse(encoded.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.Add((byte)c);
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
