using System.Globalization;
using System.Text.RegularExpressions;
using System.Web;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.LinkUnfurling;

/// <summary>
/// The ticket an iTop URL points at. The console's details page, by id or by ref (iTop 3.2 <c>pages/UI.php</c>: a
/// numeric <c>id</c> is the key, any other <c>id</c> the object's name, i.e. the ref for a UserRequest; or
/// <c>attcode=ref&amp;attvalue=…</c>), and the portal's ticket page (<c>…/object/view/UserRequest/{id}</c> or
/// <c>…/object/view/UserRequest/ref/{ref}</c>, the portal's routes). Only UserRequest.
/// </summary>
public sealed partial record ItopTicketLink(TicketKey Key, string Label)
{
    private const string TicketClass = "UserRequest";

    public static ItopTicketLink? Parse(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = Uri.UnescapeDataString(url.AbsolutePath);
        if (path.EndsWith("/pages/UI.php", StringComparison.OrdinalIgnoreCase))
        {
            var query = HttpUtility.ParseQueryString(url.Query);
            if (!string.Equals(query["operation"], "details", StringComparison.Ordinal) || !string.Equals(query["class"], TicketClass, StringComparison.Ordinal))
            {
                return null;
            }

            if (query["id"] is { Length: > 0 } id)
            {
                return FromText(id);
            }

            return string.Equals(query["attcode"], "ref", StringComparison.Ordinal) && query["attvalue"] is { Length: > 0 } value ? FromRef(value) : null;
        }

        var portal = PortalView().Match(path);
        if (!portal.Success)
        {
            return null;
        }

        return portal.Groups["ref"].Success ? FromRef(portal.Groups["ref"].Value) : FromText(portal.Groups["id"].Value);
    }

    private static ItopTicketLink? FromText(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id > 0 ? new ItopTicketLink(id, "#" + id.ToString(CultureInfo.InvariantCulture)) : null
            : FromRef(text);

    private static ItopTicketLink? FromRef(string text)
    {
        var trimmed = text.Trim();
        return RefPattern().IsMatch(trimmed) ? new ItopTicketLink(TicketKey.FromRef(trimmed.ToUpperInvariant()), trimmed.ToUpperInvariant()) : null;
    }

    [GeneratedRegex(@"/object/view/UserRequest/(?:ref/(?<ref>[^/]+)|(?<id>\d{1,9}))/?$", RegexOptions.CultureInvariant)]
    private static partial Regex PortalView();

    [GeneratedRegex(@"^[A-Za-z]-\d{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex RefPattern();
}
