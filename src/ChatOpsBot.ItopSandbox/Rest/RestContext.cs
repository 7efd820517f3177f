using ChatOpsBot.ItopSandbox.Model;
using ChatOpsBot.ItopSandbox.Storage;

namespace ChatOpsBot.ItopSandbox.Rest;

/// <summary>One authenticated REST call: who calls, and the services it runs against.</summary>
internal sealed class RestContext(SandboxStore store, ItopClock clock, SandboxUser user, string version)
{
    public SandboxStore Store { get; } = store;

    public ObjectReader Reader { get; } = new(store);

    public ItopClock Clock { get; } = clock;

    public SandboxUser User { get; } = user;

    public string Version { get; } = version;

    /// <summary>Org scoping of restricted accounts (160-162, 089): objects of other organizations do not exist for them.</summary>
    public bool Visible(SandboxObject obj)
    {
        if (User.AllowedOrgIds.Count == 0)
        {
            return true;
        }

        var attribute = Store.Model.Find(obj.Class)?.OrgAttribute;
        if (attribute is null)
        {
            return true;
        }

        var org = Reader.Text(obj, attribute);
        return User.AllowedOrgIds.Any(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture) == org);
    }
}
