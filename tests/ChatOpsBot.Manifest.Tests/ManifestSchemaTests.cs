using System.Text.Json.Nodes;

namespace ChatOpsBot.Manifest.Tests;

public class ManifestSchemaTests
{
    [Fact]
    public async Task Filled_manifest_validates_against_the_vendored_v1_30_schema()
    {
        var json = AppPackage.FillManifest(Paths.ManifestDirectory, Settings.Valid());

        Assert.Empty(await SchemaValidation.ManifestErrorsAsync(json));
    }

    [Fact]
    public void Manifest_declares_the_vendored_schema_version()
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.ManifestDirectory, "manifest.json")))!;
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.Schemas, "MicrosoftTeams.schema.json")))!;

        Assert.Equal("1.30", template["manifestVersion"]!.GetValue<string>());
        Assert.Equal("1.30", schema["properties"]!["manifestVersion"]!["const"]!.GetValue<string>());
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json", template["$schema"]!.GetValue<string>());
    }

    [Fact]
    public async Task Short_name_over_30_characters_is_rejected()
    {
        var manifest = JsonNode.Parse(AppPackage.FillManifest(Paths.ManifestDirectory, Settings.Valid()))!;
        manifest["name"]!["short"] = "ChatOpsBot du Groupe INSA pour iTop";

        var errors = await SchemaValidation.ManifestErrorsAsync(manifest.ToJsonString());

        Assert.Contains(errors, e => e.Contains("short", StringComparison.Ordinal) && e.Contains("StringTooLong", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_bot_scope_and_missing_privacy_url_are_rejected()
    {
        var manifest = JsonNode.Parse(AppPackage.FillManifest(Paths.ManifestDirectory, Settings.Valid()))!;
        manifest["bots"]![0]!["scopes"]![1] = "channel";
        manifest["developer"]!.AsObject().Remove("privacyUrl");

        var errors = await SchemaValidation.ManifestErrorsAsync(manifest.ToJsonString());

        Assert.Contains(errors, e => e.Contains("privacyUrl", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("NotInEnumeration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unfilled_template_is_not_a_valid_manifest()
    {
        // The placeholders are not GUIDs: the schema itself refuses to let a template be shipped as is.
        var errors = await SchemaValidation.ManifestErrorsAsync(File.ReadAllText(Path.Combine(Paths.ManifestDirectory, "manifest.json")));

        Assert.Contains(errors, e => e.StartsWith("#/id", StringComparison.Ordinal));
    }

    [Fact]
    public void Ids_are_guids_and_host_is_the_only_valid_domain_after_filling()
    {
        var manifest = JsonNode.Parse(AppPackage.FillManifest(Paths.ManifestDirectory, Settings.Valid()))!;

        Assert.Equal(Settings.BotId, manifest["id"]!.GetValue<string>());
        Assert.Equal(Settings.BotId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.True(Guid.TryParseExact(manifest["id"]!.GetValue<string>(), "D", out _));
        Assert.Equal([Settings.Host], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Separate_app_id_and_version_are_applied()
    {
        var appId = "0f0e0d0c-0b0a-4909-8807-060504030201";
        var manifest = JsonNode.Parse(AppPackage.FillManifest(
            Paths.ManifestDirectory,
            Settings.Valid(o => { o["app-id"] = appId; o["version"] = "2.3.4"; })))!;

        Assert.Equal(appId, manifest["id"]!.GetValue<string>());
        Assert.Equal(Settings.BotId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("2.3.4", manifest["version"]!.GetValue<string>());
    }

    [Fact]
    public void Bot_is_in_personal_team_and_group_chat_with_the_french_commands()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.ManifestDirectory, "manifest.json")))!;
        var bot = manifest["bots"]![0]!;

        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("fr-fr", manifest["localizationInfo"]!["defaultLanguageTag"]!.GetValue<string>());
        var lists = bot["commandLists"]!.AsArray();
        var covered = lists.SelectMany(l => l!["scopes"]!.AsArray().Select(s => s!.GetValue<string>())).Order();
        Assert.Equal(["groupChat", "personal", "team"], covered);
        foreach (var list in lists)
        {
            Assert.Equal(
                ["ticket", "tickets", "aide", "abonner"],
                list!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        }
    }

    [Fact]
    public void The_message_extension_searches_tickets_and_unfurls_links_of_the_configured_itop_host()
    {
        var manifest = JsonNode.Parse(AppPackage.FillManifest(Paths.ManifestDirectory, Settings.Valid()))!;
        var extension = manifest["composeExtensions"]!.AsArray().Single()!;

        Assert.Equal(Settings.BotId, extension["botId"]!.GetValue<string>());
        var command = extension["commands"]!.AsArray().Single()!;
        Assert.Equal(("searchTickets", "query", true), (command["id"]!.GetValue<string>(), command["type"]!.GetValue<string>(), command["initialRun"]!.GetValue<bool>()));
        Assert.Equal(["compose", "commandBox"], command["context"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("searchQuery", command["parameters"]!.AsArray().Single()!["name"]!.GetValue<string>());
        var handler = extension["messageHandlers"]!.AsArray().Single()!;
        Assert.Equal("link", handler["type"]!.GetValue<string>());
        Assert.Equal([Settings.ItopHost], handler["value"]!["domains"]!.AsArray().Select(d => d!.GetValue<string>()));
    }
}
