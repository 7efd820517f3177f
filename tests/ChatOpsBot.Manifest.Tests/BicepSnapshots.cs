using System.Text.Json.Nodes;

namespace ChatOpsBot.Manifest.Tests;

/// <summary>
/// Compiles main.bicep and evaluates each environment's parameter file with <c>bicep snapshot</c> (the
/// predicted resources with every parameter and variable resolved), once per test class.
/// The snapshots are written into a temporary copy of infra/, never into the checkout.
/// </summary>
public sealed class BicepSnapshots : IAsyncLifetime
{
    public const string TenantId = "00000000-0000-0000-0000-0000000000aa";
    public const string SubscriptionId = "00000000-0000-0000-0000-0000000000bb";

    public static readonly IReadOnlyDictionary<string, string?> Secrets = new Dictionary<string, string?>
    {
        ["ITOP_TOKEN"] = "test-itop-token-3f9c1a7e5b",
        ["POSTGRES_ADMIN_PASSWORD"] = "Test-Pg-Password-8d2e6b4a0c",
        ["CHATOPSBOT_GROUP_DESK_EMAILS"] = "desk-one@example.org,desk-two@example.org",
    };

    private readonly DirectoryInfo _copy = Directory.CreateTempSubdirectory("chatopsbot-infra-");

    /// <summary>The temporary copy of infra/ the snapshots were made in.</summary>
    public string Infra => _copy.FullName;

    public Bicep.Result Build { get; private set; } = new(-1, "", "");

    public IReadOnlyDictionary<string, (Bicep.Result Result, JsonNode? Snapshot)> Environments { get; private set; } =
        new Dictionary<string, (Bicep.Result, JsonNode?)>();

    public JsonNode Snapshot(string environment)
    {
        var (result, snapshot) = Environments[environment];
        Assert.True(result.ExitCode == 0, result.Errors + result.Output);
        return snapshot!;
    }

    public IEnumerable<JsonNode> Resources(string environment, string type) =>
        Snapshot(environment)["predictedResources"]!.AsArray().Select(r => r!).Where(r => r["type"]!.GetValue<string>() == type);

    public async Task InitializeAsync()
    {
        CopyDirectory(new DirectoryInfo(Paths.Infra), _copy);
        var build = Bicep.RunAsync(_copy.FullName, new Dictionary<string, string?>(), "build", "main.bicep", "--stdout");
        var environments = new[] { "dev", "prod" }.Select(async environment =>
        {
            var result = await Bicep.RunAsync(
                _copy.FullName,
                Secrets,
                "snapshot", $"parameters/{environment}.bicepparam", "--mode", "overwrite",
                "--tenant-id", TenantId, "--subscription-id", SubscriptionId,
                "--resource-group", $"rg-chatopsbot-{environment}", "--location", "francecentral");
            var file = Path.Combine(_copy.FullName, "parameters", $"{environment}.snapshot.json");
            return (environment, result, File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file)) : null);
        }).ToList();

        Build = await build;
        Environments = (await Task.WhenAll(environments)).ToDictionary(e => e.environment, e => (e.result, e.Item3));
    }

    public Task DisposeAsync()
    {
        _copy.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private static void CopyDirectory(DirectoryInfo source, DirectoryInfo target)
    {
        foreach (var file in source.GetFiles())
        {
            file.CopyTo(Path.Combine(target.FullName, file.Name));
        }

        foreach (var directory in source.GetDirectories())
        {
            CopyDirectory(directory, target.CreateSubdirectory(directory.Name));
        }
    }
}
