using System.Globalization;
using System.Text;
using ChatOpsBot.Testing;

namespace ChatOpsBot.ItopSandbox.Tests.Scopes;

/// <summary>tests/TestData/itop-contract-scopes: the recorded exchanges (NNN-slug.json, in order) and their README.</summary>
internal static class ScopeRecordings
{
    private const string IndexStart = "<!-- index:start (written by the recorder) -->";
    private const string IndexEnd = "<!-- index:end -->";

    public static string Folder => Path.Combine(TestData.Directory, "itop-contract-scopes");

    public static IReadOnlyList<string> Files() =>
        Directory.GetFiles(Folder, "*.json")
            .Where(f => char.IsDigit(Path.GetFileName(f)[0]))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();

    public static string FileName(int number, string slug) => string.Create(CultureInfo.InvariantCulture, $"{number:D3}-{slug}.json");

    /// <summary>Rewrites the index table of the README between its markers.</summary>
    public static void WriteIndex(IReadOnlyList<(string File, RecordedExchange Exchange)> recorded)
    {
        var table = new StringBuilder();
        table.AppendLine("| file | account | scenario | body.code / message |");
        table.AppendLine("|---|---|---|---|");
        foreach (var (file, exchange) in recorded)
        {
            var body = exchange.Body;
            var message = body["message"]?.ToString() ?? (body["objects"] is { } objects ? objects.AsObject().First().Value?["message"]?.ToString() : null) ?? string.Empty;
            table.AppendLine(CultureInfo.InvariantCulture, $"| {file} | {exchange.Login} | {exchange.Scenario.Replace("|", "\\|", StringComparison.Ordinal)} | {body["code"]} {message} |");
        }

        var path = Path.Combine(Folder, "README.md");
        var readme = File.ReadAllText(path);
        var start = readme.IndexOf(IndexStart, StringComparison.Ordinal);
        var end = readme.IndexOf(IndexEnd, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException("README.md lacks the index markers");
        }

        File.WriteAllText(path, readme[..(start + IndexStart.Length)] + "\n\n" + table + "\n" + readme[end..]);
    }
}
