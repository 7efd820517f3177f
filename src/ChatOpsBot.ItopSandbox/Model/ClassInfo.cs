namespace ChatOpsBot.ItopSandbox.Model;

/// <summary>What the sandbox knows of one iTop class.</summary>
internal sealed class ClassInfo
{
    public ClassInfo(string name, string? parent)
    {
        Name = name;
        Parent = parent;
    }

    public string Name { get; }

    public string? Parent { get; }

    /// <summary>Attribute codes returned for <c>output_fields=*</c>, in iTop's order.</summary>
    public List<string> StarAttributes { get; } = [];

    /// <summary>Every attribute code accepted in output_fields and OQL.</summary>
    public HashSet<string> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>Codes listed by iTop's "Unknown filter code" message (null = derived from the attributes).</summary>
    public List<string>? FilterCodes { get; set; }

    /// <summary>Attribute the default result order uses; descending when <see cref="OrderDescending"/>.</summary>
    public string OrderBy { get; set; } = "friendlyname";

    public bool OrderDescending { get; set; }

    public bool AdminOnly { get; set; }

    public void AddAttribute(string code)
    {
        if (Attributes.Add(code))
        {
            StarAttributes.Add(code);
        }
    }
}
