using System.Text.Json;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Protocol.MessageExtensions;

/// <summary>A <c>composeExtension/queryLink</c> (or <c>anonymousQueryLink</c>) invoke's value: <c>{url}</c>.</summary>
public static class LinkQuery
{
    /// <summary>The pasted URL when it is an absolute http(s) URL; null otherwise.</summary>
    public static Uri? UrlOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;
    }
}
