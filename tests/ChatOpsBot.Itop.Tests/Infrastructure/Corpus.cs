using System.Text.Json.Nodes;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Itop.Tests.Infrastructure;

/// <summary>The recorded exchanges of the vendored itop-contract.</summary>
internal static class Corpus
{
    public static IEnumerable<string> Files =>
        Directory.EnumerateFiles(TestData.ItopContract, "*.json")
            .Where(f => char.IsDigit(Path.GetFileName(f)[0]))
            .OrderBy(f => f, StringComparer.Ordinal);

    public static JsonObject Exchange(string number) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Files.Single(f => Path.GetFileName(f).StartsWith(number + "-", StringComparison.Ordinal))))!;

    /// <summary>The response body of an exchange, as iTop sent it.</summary>
    public static string Body(string number) => Exchange(number)["response"]!["body"]!.ToJsonString();
}
