using System.Text.RegularExpressions;

namespace ChatOpsBot.Manifest.Tests;

/// <summary>Cheap consistency checks that need no compiler: the packer's includes and the parameter files' names.</summary>
public partial class SourceLayoutTests
{
    [Fact]
    public void Pack_script_includes_every_tool_file()
    {
        var included = IncludeDirective().Matches(File.ReadAllText(Path.Combine(Paths.ManifestDirectory, "pack.cs")))
            .Select(m => m.Groups[1].Value.Trim())
            .Order(StringComparer.Ordinal);
        var tools = Directory.GetFiles(Path.Combine(Paths.ManifestDirectory, "tool"), "*.cs")
            .Select(f => "tool/" + Path.GetFileName(f))
            .Order(StringComparer.Ordinal);

        // The tests compile tool/*.cs; `dotnet run manifest/pack.cs` compiles only what pack.cs includes.
        Assert.Equal(tools, included);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Parameter_file_assigns_only_declared_parameters_and_every_required_one(string environment)
    {
        var main = File.ReadAllText(Path.Combine(Paths.Infra, "main.bicep"));
        var declared = ParamDeclaration().Matches(main).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Success);
        var assigned = ParamAssignment().Matches(File.ReadAllText(Path.Combine(Paths.Infra, "parameters", environment + ".bicepparam")))
            .Select(m => m.Groups["name"].Value)
            .ToList();

        Assert.NotEmpty(declared);
        Assert.All(assigned, name => Assert.True(declared.ContainsKey(name), $"{name} is not a parameter of main.bicep"));
        Assert.Equal(assigned.Count, assigned.Distinct().Count());
        var required = declared.Where(d => !d.Value).Select(d => d.Key);
        Assert.All(required, name => Assert.Contains(name, assigned));
    }

    [GeneratedRegex(@"^#:include\s+(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex IncludeDirective();

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s+\w+(?<default>\s*=.*)?$", RegexOptions.Multiline)]
    private static partial Regex ParamDeclaration();

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s*=", RegexOptions.Multiline)]
    private static partial Regex ParamAssignment();
}
