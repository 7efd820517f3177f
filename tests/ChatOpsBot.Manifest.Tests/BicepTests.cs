using System.Text.Json.Nodes;

namespace ChatOpsBot.Manifest.Tests;

/// <summary>infra/ checked with the real Bicep compiler (it type-checks against the Azure resource types it ships).</summary>
public class BicepTests : IClassFixture<BicepSnapshots>
{
    private readonly BicepSnapshots _bicep;

    public BicepTests(BicepSnapshots bicep) => _bicep = bicep;

    [Fact]
    public void Main_template_compiles_without_errors_or_linter_warnings()
    {
        Assert.True(_bicep.Build.ExitCode == 0, _bicep.Build.Errors);
        Assert.Equal(string.Empty, _bicep.Build.Errors.Trim());
        Assert.NotNull(JsonNode.Parse(_bicep.Build.Output)!["resources"]);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Environment_snapshot_evaluates_without_diagnostics(string environment)
    {
        var snapshot = _bicep.Snapshot(environment);

        Assert.Empty(snapshot["diagnostics"]?.AsArray() ?? []);
        var types = snapshot["predictedResources"]!.AsArray().Select(r => r!["type"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "Microsoft.ManagedIdentity/userAssignedIdentities", "Microsoft.Web/sites", "Microsoft.BotService/botServices",
                "Microsoft.BotService/botServices/channels", "Microsoft.DBforPostgreSQL/flexibleServers",
                "Microsoft.KeyVault/vaults", "Microsoft.KeyVault/vaults/secrets", "Microsoft.Insights/components",
            },
            types);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Secrets_reach_key_vault_and_nowhere_else(string environment)
    {
        // Bicep keeps secure parameters as parameter references in the snapshot (never their values).
        const string token = "parameters('itopToken')";
        const string password = "parameters('postgresAdminPassword')";
        var resources = _bicep.Snapshot(environment)["predictedResources"]!.AsArray().Select(r => r!).ToList();
        Assert.DoesNotContain(BicepSnapshots.Secrets["ITOP_TOKEN"]!, _bicep.Snapshot(environment).ToJsonString(), StringComparison.Ordinal);

        var holdingToken = resources.Where(r => Text(r).Contains(token, StringComparison.Ordinal)).Select(Name).ToList();
        var holdingPassword = resources.Where(r => Text(r).Contains(password, StringComparison.Ordinal)).Select(Name).ToList();

        Assert.Equal(["itop-token"], holdingToken.Select(n => n.Split('/')[^1]));
        Assert.Equal(
            ["Microsoft.DBforPostgreSQL/flexibleServers", "Microsoft.KeyVault/vaults/secrets"],
            resources.Where(r => holdingPassword.Contains(Name(r))).Select(r => r["type"]!.GetValue<string>()).Order());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void App_settings_configure_the_host_with_key_vault_references(string environment)
    {
        var site = _bicep.Resources(environment, "Microsoft.Web/sites").Single();
        var settings = site["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!["value"]!.GetValue<string>());

        Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings["Itop__Token"], StringComparison.Ordinal);
        Assert.Contains("secrets/itop-token", settings["Itop__Token"], StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings["State__ConnectionString"], StringComparison.Ordinal);
        Assert.Equal("Postgres", settings["State__Provider"]);
        Assert.StartsWith("https://", settings["Itop__BaseUrl"], StringComparison.Ordinal);
        Assert.Equal(BicepSnapshots.TenantId, settings["Bot__MicrosoftAppTenantId"]);
        Assert.Equal(settings["Bot__MicrosoftAppId"], settings["Bot__ManagedIdentityClientId"]);
        Assert.Contains("userAssignedIdentities", settings["Bot__MicrosoftAppId"], StringComparison.Ordinal);
        Assert.Equal("8080", settings["WEBSITES_PORT"]);
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", settings.Keys);
        Assert.Equal("chatopsbot", settings["OTEL_SERVICE_NAME"]);
        Assert.Equal(("desk-one@example.org", "desk-two@example.org"), (settings["Roles__GroupDeskEmails__0"], settings["Roles__GroupDeskEmails__1"]));
        Assert.DoesNotContain("Bot__MicrosoftAppPassword", settings.Keys);
        Assert.DoesNotContain("Bot__AllowUnauthenticatedLocalRequests", settings.Keys);

        var properties = site["properties"]!;
        Assert.Equal("/healthz", properties["siteConfig"]!["healthCheckPath"]!.GetValue<string>());
        Assert.Contains("DOCKER|", properties["siteConfig"]!["linuxFxVersion"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(properties["httpsOnly"]!.GetValue<bool>());
        Assert.Contains("userAssignedIdentities/id-chatopsbot-" + environment, properties["keyVaultReferenceIdentity"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Bot_is_the_managed_identity_with_the_teams_channel_and_the_site_endpoint(string environment)
    {
        var bot = _bicep.Resources(environment, "Microsoft.BotService/botServices").Single()["properties"]!;
        var channel = _bicep.Resources(environment, "Microsoft.BotService/botServices/channels").Single()["properties"]!;

        Assert.Equal("UserAssignedMSI", bot["msaAppType"]!.GetValue<string>());
        Assert.Equal(BicepSnapshots.TenantId, bot["msaAppTenantId"]!.GetValue<string>());
        // The host name is only known at deployment: the endpoint stays an ARM expression around the site.
        Assert.Contains("'https://{0}/api/messages'", bot["endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.Web/sites/app-chatopsbot-" + environment, bot["endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("MsTeamsChannel", channel["channelName"]!.GetValue<string>());
        Assert.True(channel["properties"]!["isEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Production_differs_from_development_where_it_should()
    {
        static string Ha(JsonNode server) => server["properties"]!["highAvailability"]!["mode"]!.GetValue<string>();

        Assert.Equal("Disabled", Ha(_bicep.Resources("dev", "Microsoft.DBforPostgreSQL/flexibleServers").Single()));
        Assert.Equal("ZoneRedundant", Ha(_bicep.Resources("prod", "Microsoft.DBforPostgreSQL/flexibleServers").Single()));
        Assert.Equal(2, _bicep.Resources("prod", "Microsoft.Web/serverfarms").Single()["sku"]!["capacity"]!.GetValue<int>());
    }

    [Fact]
    public async Task Parameter_file_without_the_secrets_in_the_environment_is_refused()
    {
        var result = await Bicep.RunAsync(Paths.Infra, new Dictionary<string, string?>(), "build-params", "parameters/dev.bicepparam", "--stdout");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ITOP_TOKEN", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameter_file_without_the_group_desk_is_refused_naming_its_variable()
    {
        var secrets = BicepSnapshots.Secrets.Where(s => s.Key != "CHATOPSBOT_GROUP_DESK_EMAILS").ToDictionary();
        var result = await Bicep.RunAsync(Paths.Infra, secrets, "build-params", "parameters/prod.bicepparam", "--stdout");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("CHATOPSBOT_GROUP_DESK_EMAILS", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameter_not_declared_in_main_is_refused()
    {
        var file = Path.Combine(_bicep.Infra, "parameters", "typo.bicepparam");
        File.WriteAllText(file, File.ReadAllText(Path.Combine(Paths.Infra, "parameters", "dev.bicepparam")) + "\nparam itopTokn = 'typo'\n");

        var result = await Bicep.RunAsync(_bicep.Infra, BicepSnapshots.Secrets, "build-params", "parameters/typo.bicepparam", "--stdout");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("BCP259", result.Errors, StringComparison.Ordinal);
    }

    private static string Name(JsonNode resource) => resource["name"]!.GetValue<string>();

    private static string Text(JsonNode node) =>
        node.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
