using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing.ItopContract;

/// <summary>One recorded exchange of tests/TestData/itop-contract (format: that folder's README).</summary>
public sealed record CorpusExchange(int Number, string FileName, string Scenario, JsonObject Request, JsonObject ExpectedBody)
{
    /// <summary>Every numbered exchange, in recording order.</summary>
    public static IReadOnlyList<CorpusExchange> LoadAll() =>
        Directory.GetFiles(TestData.ItopContract, "*.json")
            .Select(Path.GetFileName)
            .Where(f => char.IsDigit(f![0]))
            .Order(StringComparer.Ordinal)
            .Select(f => Load(Path.Combine(TestData.ItopContract, f!)))
            .ToList();

    private static CorpusExchange Load(string path)
    {
        var exchange = (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
        var name = Path.GetFileName(path);
        return new CorpusExchange(
            int.Parse(name[..3], CultureInfo.InvariantCulture), name, exchange["scenario"]?.GetValue<string>() ?? "",
            (JsonObject)exchange["request"]!, (JsonObject)exchange["response"]!["body"]!);
    }
}
