namespace ChatOpsBot.Manifest.Tests;

public class PackageSettingsTests
{
    [Fact]
    public void Arguments_win_over_environment_which_wins_over_the_settings_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                { "Bot": { "MicrosoftAppId": "11111111-1111-1111-1111-111111111111" },
                  "TeamsApp": { "BotHost": "from-file.example.org", "ItopHost": "itop-from-file.example.org", "Version": "3.0.0" } }
                """);
            var environment = new Dictionary<string, string>
            {
                ["Bot__MicrosoftAppId"] = "22222222-2222-2222-2222-222222222222",
                ["TeamsApp__BotHost"] = "from-env.example.org",
            };
            var arguments = new Dictionary<string, string> { ["host"] = "from-args.example.org" };

            var settings = PackageSettings.Resolve(arguments, k => environment.GetValueOrDefault(k), file);

            Assert.Equal("22222222-2222-2222-2222-222222222222", settings.BotId);
            Assert.Equal("22222222-2222-2222-2222-222222222222", settings.AppId);
            Assert.Equal("from-args.example.org", settings.BotHost);
            Assert.Equal("3.0.0", settings.Version);
            Assert.Equal("itop-from-file.example.org", settings.ItopHost);
            Assert.Empty(settings.Validate());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("bot-id", "not-a-guid", "bot id")]
    [InlineData("host", "https://chatopsbot.example.org/api/messages", "bot host")]
    [InlineData("itop-host", "", "iTop host")]
    [InlineData("itop-host", "https://itop.groupe-insa.fr/pages/UI.php", "iTop host")]
    [InlineData("version", "1.0", "version")]
    [InlineData("privacy-url", "http://insecure.example.org/privacy", "--privacy-url")]
    public void Invalid_values_are_reported(string option, string value, string expected)
    {
        var settings = Settings.Valid(o => o[option] = value);

        Assert.Contains(settings.Validate(), e => e.StartsWith(expected, StringComparison.Ordinal));
        Assert.Throws<InvalidDataException>(() => AppPackage.Files(Paths.ManifestDirectory, settings));
    }

    [Fact]
    public void Pack_command_writes_the_zip_and_refuses_an_invalid_bot_id()
    {
        var output = Path.Combine(Path.GetTempPath(), $"chatopsbot-{Guid.NewGuid():N}.zip");
        try
        {
            var ok = PackCommand.Run(["--bot-id", Settings.BotId, "--host", Settings.Host, "--itop-host", Settings.ItopHost, "--out", output], Paths.ManifestDirectory, TextWriter.Null, TextWriter.Null);
            Assert.Equal(0, ok);
            Assert.True(new FileInfo(output).Length > 0);

            var errors = new StringWriter();
            var refused = PackCommand.Run(["--host", Settings.Host, "--itop-host", Settings.ItopHost, "--bot-id", "not-a-guid", "--out", output + ".2"], Paths.ManifestDirectory, TextWriter.Null, errors);
            Assert.NotEqual(0, refused);
            Assert.Contains("bot id", errors.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(output + ".2"));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Template_placeholders_are_exactly_the_ones_the_settings_fill()
    {
        var used = ManifestTemplate.PlaceholdersOf(File.ReadAllText(Path.Combine(Paths.ManifestDirectory, "manifest.json")));

        Assert.Equal(Settings.Valid().Placeholders.Keys.Order(), used.Order());
    }

    [Fact]
    public void Unknown_placeholder_is_refused_and_values_are_json_escaped()
    {
        Assert.Throws<InvalidDataException>(() => ManifestTemplate.Fill("""{"a":"{{NOPE}}"}""", new Dictionary<string, string>()));

        var filled = ManifestTemplate.Fill("""{"a":["x {{V}} y"]}""", new Dictionary<string, string> { ["V"] = "\"quoted\"\\" });

        Assert.Equal("x \"quoted\"\\ y", System.Text.Json.Nodes.JsonNode.Parse(filled)!["a"]![0]!.GetValue<string>());
    }
}
