using ChatOpsBot.Cards.Serialization;
using ChatOpsBot.Cards.Tests.Infrastructure;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Cards.Tests.Layouts;

/// <summary>Each card equals its Golden/*.json file; <c>UPDATE_GOLDEN=1</c> rewrites the files instead.</summary>
public class GoldenTests
{
    private static readonly string GoldenDirectory =
        Path.Combine(TestData.RepositoryRoot, "tests", "ChatOpsBot.Cards.Tests", "Golden");

    private static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    [Theory]
    [MemberData(nameof(GoldenCases.All), MemberType = typeof(GoldenCases))]
    public void Card_matches_its_golden_file(string name)
    {
        var json = CardSerializer.ToJson(GoldenCases.Build(name), indented: true).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(GoldenDirectory, name + ".json");
        if (Updating)
        {
            Directory.CreateDirectory(GoldenDirectory);
            File.WriteAllText(path, json);
            return;
        }

        Assert.True(File.Exists(path), $"Missing golden file {name}.json (run with UPDATE_GOLDEN=1 to create it).");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), json);
    }

    [Fact]
    public void Every_golden_file_belongs_to_a_case()
    {
        var expected = GoldenCases.Names.Select(n => n + ".json").ToHashSet();
        var orphans = Directory.GetFiles(GoldenDirectory, "*.json")
            .Select(Path.GetFileName)
            .Where(f => !expected.Contains(f!))
            .ToList();
        Assert.Empty(orphans);
    }
}
