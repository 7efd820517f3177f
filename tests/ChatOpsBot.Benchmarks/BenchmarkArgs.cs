using System.Globalization;

namespace ChatOpsBot.Benchmarks;

/// <summary>The <c>--name value</c> options of the load and notify runs.</summary>
internal static class BenchmarkArgs
{
    public static int Int(string[] args, string name, int fallback) =>
        Value(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A comma-separated list of numbers, e.g. <c>--poll 1,5</c>.</summary>
    public static double[] Numbers(string[] args, string name, params double[] fallback) =>
        Value(args, name) is { } value
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : fallback;

    /// <summary>A text option, else the environment variable when one is named, else null.</summary>
    public static string? Text(string[] args, string name, string? environmentVariable = null) =>
        Value(args, name) ?? (environmentVariable is not null && Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } value ? value : null);

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
