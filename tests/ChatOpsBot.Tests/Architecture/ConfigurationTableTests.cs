using System.Reflection;
using System.Text.RegularExpressions;
using ChatOpsBot.Hosting;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Tests.Architecture;

/// <summary>
/// The README's configuration table against the code: every property bound from a section (the <c>*Options</c> classes
/// with a <c>SectionName</c>) has its row, and every key of the table is bound or read by the code.
/// </summary>
public sealed partial class ConfigurationTableTests
{
    [Fact]
    public void Every_bound_option_has_a_row_in_the_README()
    {
        var documented = DocumentedKeys();

        var missing = BoundKeys().Where(key => !documented.Contains(key)).ToList();

        Assert.True(missing.Count == 0, "Not in the README's configuration table: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_row_of_the_README_names_a_key_the_code_reads()
    {
        var read = BoundKeys().Concat(RawKeysReadBySource()).ToHashSet(StringComparer.Ordinal);

        var unknown = DocumentedKeys().Where(key => !read.Contains(key)).ToList();

        Assert.True(unknown.Count == 0, "In the README's configuration table but read by no code: " + string.Join(", ", unknown));
    }

    [Fact]
    public void The_options_classes_are_found()
    {
        var keys = BoundKeys();

        // One property of each section, so that a change in how the classes are found cannot empty the check.
        Assert.Superset(
            new HashSet<string>(["Bot:HandlerTimeout", "State:Provider", "Itop:ReadRetries", "Identity:CacheDuration", "Roles:ApproverEmails",
                "Approvals:ReminderScanInterval", "Notifications:TenantWindow"]),
            keys.ToHashSet());
    }

    /// <summary>Section:Property of every public settable property of every options class bound from a section.</summary>
    private static List<string> BoundKeys()
    {
        var host = typeof(ChatOpsBotApp).Assembly;
        var assemblies = host.GetReferencedAssemblies()
            .Where(name => name.Name!.StartsWith("ChatOpsBot.", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .Append(host);
        return [.. from type in assemblies.SelectMany(a => a.GetExportedTypes())
                   where type.Name.EndsWith("Options", StringComparison.Ordinal)
                   let section = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
                   where section is not null
                   from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                   where property.SetMethod is { IsPublic: true }
                   select $"{section}:{property.Name}"];
    }

    /// <summary>
    /// The keys in the first column of the README's configuration table: `A:B`, `A:B:&lt;placeholder&gt;` (its A:B), and
    /// short `C` after `A:B` in the same cell meaning A:C; environment-only names (OTEL_…) as they are.
    /// </summary>
    private static HashSet<string> DocumentedKeys()
    {
        var readme = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("\n## Configuration", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cell = row.Split('|')[1];
            string? sectionName = null;
            foreach (Match token in BacktickedToken().Matches(cell))
            {
                var parts = token.Groups[1].Value.Split(':');
                if (parts.Length >= 2)
                {
                    sectionName = parts[0];
                    keys.Add($"{parts[0]}:{parts[1]}");
                }
                else
                {
                    keys.Add(sectionName is null ? parts[0] : $"{sectionName}:{parts[0]}");
                }
            }
        }

        Assert.True(keys.Count > 20, "the README's configuration table was not found");
        return keys;
    }

    /// <summary>Keys read straight from IConfiguration in src: configuration["A:B"] and the *Key constants (environment names).</summary>
    private static IEnumerable<string> RawKeysReadBySource()
    {
        var src = Path.Combine(TestData.RepositoryRoot, "src");
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in IndexedRead().Matches(text))
            {
                yield return m.Groups[1].Value;
            }

            foreach (Match m in KeyConstant().Matches(text))
            {
                yield return m.Groups[1].Value;
            }
        }
    }

    [GeneratedRegex("`([A-Za-z_]+(?::[A-Za-z_<>]+)*)`")]
    private static partial Regex BacktickedToken();

    [GeneratedRegex("""onfiguration\[\s*"([^"]+)"\s*\]""")]
    private static partial Regex IndexedRead();

    [GeneratedRegex("""const string \w*Key = "([A-Z_]+)";""")]
    private static partial Regex KeyConstant();
}
