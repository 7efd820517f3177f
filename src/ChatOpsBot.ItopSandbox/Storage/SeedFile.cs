using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatOpsBot.ItopSandbox.Storage;

/// <summary>The JSON seed: user accounts and objects (each keeps its corpus id).</summary>
internal sealed class SeedFile
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public List<SandboxUser> Users { get; set; } = [];

    public List<SeedObject> Objects { get; set; } = [];

    /// <summary>Last ids already used (e.g. CMDBChange, CMDBChangeOp) so that new ids continue the recorded numbering.</summary>
    public Dictionary<string, long> Counters { get; set; } = [];

    public static SeedFile Load(string? path, IEnumerable<string>? additions = null)
    {
        var seed = LoadBase(path);
        foreach (var name in additions ?? [])
        {
            using var stream = typeof(SeedFile).Assembly.GetManifestResourceStream("ChatOpsBot.ItopSandbox.Seed.Additions." + name + ".json")
                ?? throw new InvalidOperationException("No seed addition named " + name);
            seed.Objects.AddRange(JsonSerializer.Deserialize<SeedFile>(stream, Json)?.Objects ?? []);
        }

        return seed;
    }

    private static SeedFile LoadBase(string? path)
    {
        if (path is not null)
        {
            using var file = File.OpenRead(path);
            return JsonSerializer.Deserialize<SeedFile>(file, Json) ?? new SeedFile();
        }

        using var stream = typeof(SeedFile).Assembly.GetManifestResourceStream("ChatOpsBot.ItopSandbox.Seed.seed.json")
            ?? throw new InvalidOperationException("Embedded seed.json missing");
        return JsonSerializer.Deserialize<SeedFile>(stream, Json) ?? new SeedFile();
    }
}
