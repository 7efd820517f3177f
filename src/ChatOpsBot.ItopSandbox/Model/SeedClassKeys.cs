namespace ChatOpsBot.ItopSandbox.Model;

/// <summary>The external keys of the seed's read-only classes (iTop's datamodel), by class: attribute code → target class.</summary>
internal static class SeedClassKeys
{
    private static readonly Dictionary<string, Dictionary<string, string>> Keys = new(StringComparer.Ordinal)
    {
        ["Organization"] = new(StringComparer.Ordinal) { ["parent_id"] = "Organization", ["deliverymodel_id"] = "DeliveryModel" },
        ["Person"] = new(StringComparer.Ordinal) { ["org_id"] = "Organization", ["location_id"] = "Location", ["manager_id"] = "Person" },
        ["Team"] = new(StringComparer.Ordinal) { ["org_id"] = "Organization" },
        ["Service"] = new(StringComparer.Ordinal) { ["org_id"] = "Organization", ["servicefamily_id"] = "ServiceFamily" },
        ["ServiceSubcategory"] = new(StringComparer.Ordinal) { ["service_id"] = "Service" },
        ["CustomerContract"] = new(StringComparer.Ordinal) { ["org_id"] = "Organization", ["provider_id"] = "Organization" },
        ["DeliveryModel"] = new(StringComparer.Ordinal) { ["org_id"] = "Organization" },
        ["lnkPersonToTeam"] = new(StringComparer.Ordinal) { ["person_id"] = "Person", ["team_id"] = "Team" },
        ["lnkCustomerContractToService"] = new(StringComparer.Ordinal) { ["customercontract_id"] = "CustomerContract", ["service_id"] = "Service" },
        ["lnkDeliveryModelToContact"] = new(StringComparer.Ordinal) { ["deliverymodel_id"] = "DeliveryModel", ["contact_id"] = "Contact" },
    };

    /// <summary>The target class of <paramref name="code"/> in <paramref name="cls"/>, or null when it is no external key.</summary>
    public static string? Target(DataModel model, string cls, string code) =>
        model.IsA(cls, "Ticket") ? DataModel.FindKey(code)?.TargetClass
        : Keys.TryGetValue(cls, out var keys) ? keys.GetValueOrDefault(code)
        : null;
}
