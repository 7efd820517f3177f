using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox.Model;
using ChatOpsBot.ItopSandbox.Storage;

namespace ChatOpsBot.ItopSandbox.Scopes;

/// <summary>
/// The allowed organizations of a restricted account, as iTop's profile rights apply them (recorded in
/// tests/TestData/itop-contract-scopes): an object of a class carrying an organization (<c>Organization</c> itself,
/// any class with an <c>org_id</c>) outside them does not exist for the account, whether it reads, addresses or
/// references it. Classes without <c>org_id</c> (service families and subcategories, link classes) are not filtered.
/// </summary>
internal sealed class OrgScope(SandboxUser user, DataModel model, ObjectReader reader)
{
    public bool Visible(SandboxObject obj)
    {
        if (user.AllowedOrgIds.Count == 0)
        {
            return true;
        }

        var attribute = OrgAttribute(obj.Class);
        return attribute is null || Allows(reader.Text(obj, attribute));
    }

    /// <summary>
    /// A linked set as the account reads it: the items of a one-to-many set are objects of the target class and carry
    /// its <c>org_id</c> (a service family's <c>services_list</c> is empty for a school); link-class items carry none and stay.
    /// </summary>
    public JsonNode? Filter(JsonNode? value)
    {
        if (user.AllowedOrgIds.Count == 0 || value is not JsonArray items)
        {
            return value;
        }

        var kept = new JsonArray();
        foreach (var item in items)
        {
            if (item is not JsonObject fields || fields["org_id"] is not JsonValue org || Allows(org.ToString()))
            {
                kept.Add(item?.DeepClone());
            }
        }

        return kept;
    }

    private string? OrgAttribute(string cls) =>
        cls == "Organization" ? "id"
        : model.Find(cls)?.Attributes.Contains("org_id") == true ? "org_id"
        : null;

    private bool Allows(string org) =>
        user.AllowedOrgIds.Any(id => id.ToString(CultureInfo.InvariantCulture) == org);
}
