using System.Globalization;
using System.Text;
using ChatOpsBot.Testing.ItopContract;

namespace ChatOpsBot.ItopSandbox.Tests.Scopes;

/// <summary>Replays the recorded scope exchanges in order against one iTop (started from its seed) and lists the differences.</summary>
internal static class ScopeReplay
{
    private static readonly CorpusComparer Comparer = new();

    /// <summary>
    /// Differences per file (empty when every exchange reproduces). <paramref name="loginFor"/> may send an exchange
    /// as another account than the recorded one (to show that the recordings tell accounts apart).
    /// </summary>
    public static async Task<SortedDictionary<string, List<string>>> RunAsync(ItopTarget target, Func<string, string>? loginFor = null)
    {
        var files = ScopeRecordings.Files();
        using var sender = new ExchangeSender(target);
        var failures = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var recorded = RecordedExchange.Load(file);
            var (status, contentType, body) = await sender.SendAsync(loginFor?.Invoke(recorded.Login) ?? recorded.Login, recorded.JsonData);
            var diffs = new List<string>();
            if (status != recorded.HttpStatus || contentType != recorded.ContentType)
            {
                diffs.Add($"HTTP {status} {contentType}, recorded {recorded.HttpStatus} {recorded.ContentType}");
            }

            Comparer.Compare(recorded.Body, body, "body", diffs);
            if (diffs.Count > 0)
            {
                failures[Path.GetFileName(file)] = diffs;
            }
        }

        return failures;
    }

    public static string Report(int total, SortedDictionary<string, List<string>> failures)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{total - failures.Count}/{total} scope exchanges reproduced.");
        foreach (var (file, diffs) in failures)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{file}: {string.Join(" | ", diffs.Take(4))}");
        }

        return report.ToString();
    }
}
