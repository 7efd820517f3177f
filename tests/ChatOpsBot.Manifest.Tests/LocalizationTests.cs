using System.Text.Json.Nodes;

namespace ChatOpsBot.Manifest.Tests;

public class LocalizationTests
{
    private static JsonNode English => JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.ManifestDirectory, "en-us.json")))!;

    [Fact]
    public async Task English_localization_validates_against_the_vendored_schema()
    {
        Assert.Empty(await SchemaValidation.LocalizationErrorsAsync(English.ToJsonString()));
    }

    [Fact]
    public async Task Localization_schema_rejects_a_key_that_is_not_localizable()
    {
        var english = English;
        english["bots[0].botId"] = "nope";

        Assert.NotEmpty(await SchemaValidation.LocalizationErrorsAsync(english.ToJsonString()));
    }

    [Fact]
    public void English_file_is_the_one_declared_by_the_manifest()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.ManifestDirectory, "manifest.json")))!;
        var language = manifest["localizationInfo"]!["additionalLanguages"]![0]!;

        Assert.Equal("en-us", language["languageTag"]!.GetValue<string>());
        Assert.Equal("en-us.json", language["file"]!.GetValue<string>());
    }

    [Fact]
    public void Every_french_command_has_an_english_title_and_description()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.ManifestDirectory, "manifest.json")))!;
        var english = English.AsObject();
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        var expected = new[] { "ticket", "tickets", "help", "subscribe" };

        for (var l = 0; l < lists.Count; l++)
        {
            var commands = lists[l]!["commands"]!.AsArray();
            Assert.Equal(expected.Length, commands.Count);
            for (var c = 0; c < commands.Count; c++)
            {
                var prefix = $"bots[0].commandLists[{l}].commands[{c}]";
                Assert.Equal(expected[c], english[prefix + ".title"]?.GetValue<string>());
                var description = english[prefix + ".description"]?.GetValue<string>();
                Assert.False(string.IsNullOrWhiteSpace(description), prefix + ".description");
                Assert.NotEqual(commands[c]!["description"]!.GetValue<string>(), description);
            }
        }

        // No translation for a command that does not exist.
        var translated = english.Select(p => p.Key).Where(k => k.StartsWith("bots[", StringComparison.Ordinal)).Count();
        Assert.Equal(lists.Sum(l => l!["commands"]!.AsArray().Count) * 2, translated);
    }

    [Fact]
    public void The_search_command_and_its_parameter_have_english_texts()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.ManifestDirectory, "manifest.json")))!;
        var command = manifest["composeExtensions"]![0]!["commands"]![0]!;
        var english = English.AsObject();
        var texts = new Dictionary<string, JsonNode>
        {
            ["composeExtensions[0].commands[0].description"] = command["description"]!,
            ["composeExtensions[0].commands[0].parameters[0].title"] = command["parameters"]![0]!["title"]!,
            ["composeExtensions[0].commands[0].parameters[0].description"] = command["parameters"]![0]!["description"]!,
        };

        Assert.Equal("Tickets", english["composeExtensions[0].commands[0].title"]!.GetValue<string>());
        foreach (var (key, french) in texts)
        {
            var translated = english[key]?.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(translated), key);
            Assert.NotEqual(french.GetValue<string>(), translated);
        }

        Assert.Equal(4, english.Count(p => p.Key.StartsWith("composeExtensions[", StringComparison.Ordinal)));
    }
}
