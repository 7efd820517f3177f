using System.Globalization;
using System.Text;

namespace ChatOpsBot.Benchmarks.Fuzz;

/// <summary>Where a process's resident memory is, from /proc/&lt;pid&gt;/smaps: anonymous, JIT code, mapped files.</summary>
internal static class MemoryMap
{
    public static string Summary(int pid)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var kind = "anonymous";
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            if (line.Length > 0 && char.IsAsciiHexDigit(line[0]) && line.Contains('-', StringComparison.Ordinal))
            {
                kind = Kind(line);
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line[4..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                totals[kind] = totals.GetValueOrDefault(kind) + kb;
            }
        }

        var text = new StringBuilder();
        foreach (var (name, kb) in totals.OrderByDescending(t => t.Value))
        {
            text.Append(CultureInfo.InvariantCulture, $"{name} {kb / 1024.0:F0} MB, ");
        }

        return text.ToString().TrimEnd(',', ' ');
    }

    private static string Kind(string header)
    {
        var parts = header.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        var path = parts.Length >= 6 ? parts[5].Trim() : string.Empty;
        return path switch
        {
            "" => "anonymous",
            "[heap]" => "malloc heap",
            _ when path.StartsWith("/memfd:doublemapper", StringComparison.Ordinal) => "JIT code",
            _ when path.StartsWith('[') => "other",
            _ when path.EndsWith(".so", StringComparison.Ordinal) || path.Contains(".so.", StringComparison.Ordinal) => "native libraries",
            _ when path.EndsWith(".dll", StringComparison.Ordinal) => "assemblies",
            _ => "other files",
        };
    }
}
