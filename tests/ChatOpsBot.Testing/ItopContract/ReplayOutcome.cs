using System.Globalization;
using System.Text;

namespace ChatOpsBot.Testing.ItopContract;

/// <summary>
/// The result of a corpus replay: which exchanges reproduced, which differ (first differences), judged against a list
/// of exchanges allowed to differ, each with why. An allowed exchange that reproduces fails too: the list must shrink.
/// </summary>
public sealed class ReplayOutcome
{
    private readonly SortedDictionary<int, string> _failures = [];
    private readonly List<int> _passed = [];

    public void Record(int number, IReadOnlyList<string> diffs)
    {
        ArgumentNullException.ThrowIfNull(diffs);
        if (diffs.Count == 0)
        {
            _passed.Add(number);
        }
        else
        {
            _failures[number] = string.Join(" | ", diffs.Take(4));
        }
    }

    /// <summary>True when every difference is allowed and every allowed one still differs; the report says which.</summary>
    public bool Judge(string target, IReadOnlyDictionary<int, string> allowed, string allowedLabel, out string report)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{_passed.Count}/{_passed.Count + _failures.Count} exchanges reproduced by {target}; {_failures.Count} differ ({allowed.Count} {allowedLabel}).");
        foreach (var (number, diff) in _failures)
        {
            var why = allowed.TryGetValue(number, out var reason) ? $"{allowedLabel.ToUpperInvariant()}: {reason}" : "UNEXPECTED";
            text.AppendLine(CultureInfo.InvariantCulture, $"{number:D3} [{why}] {diff}");
        }

        var nowPassing = allowed.Keys.Where(_passed.Contains).ToList();
        foreach (var number in nowPassing)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{number:D3} is {allowedLabel} but reproduces: remove it from the list");
        }

        report = text.ToString();
        return nowPassing.Count == 0 && _failures.Keys.All(allowed.ContainsKey);
    }
}
