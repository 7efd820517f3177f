using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Manifest.Tests;

/// <summary>infra/Dockerfile read as instructions (line continuations joined, comments dropped), split into stages.</summary>
internal sealed partial record Dockerfile(IReadOnlyList<Dockerfile.Stage> Stages)
{
    public sealed record Instruction(string Keyword, string Arguments);

    public sealed record Stage(string Image, string? Name, IReadOnlyList<Instruction> Instructions)
    {
        public IEnumerable<string> All(string keyword) =>
            Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);
    }

    public static Dockerfile Load() => Parse(File.ReadAllText(Path.Combine(Paths.Infra, "Dockerfile")));

    public static Dockerfile Parse(string text)
    {
        var joined = Regex.Replace(text, @"\\\r?\n", " ");
        var stages = new List<Stage>();
        foreach (var line in joined.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var match = InstructionLine().Match(line);
            Assert.True(match.Success, "not an instruction: " + line);
            var instruction = new Instruction(match.Groups[1].Value.ToUpperInvariant(), match.Groups[2].Value.Trim());
            if (instruction.Keyword == "FROM")
            {
                var from = FromLine().Match(instruction.Arguments);
                stages.Add(new Stage(from.Groups["image"].Value, from.Groups["name"].Success ? from.Groups["name"].Value : null, []));
            }
            else if (stages.Count > 0)
            {
                stages[^1] = stages[^1] with { Instructions = [.. stages[^1].Instructions, instruction] };
            }
        }

        return new Dockerfile(stages);
    }

    /// <summary>The exec-form HEALTHCHECK command of the final stage.</summary>
    public string[] HealthCheckCommand()
    {
        var healthCheck = Assert.Single(Stages[^1].All("HEALTHCHECK"));
        var json = healthCheck[(healthCheck.IndexOf("CMD ", StringComparison.Ordinal) + 4)..].Trim();
        return JsonSerializer.Deserialize<string[]>(json)!;
    }

    [GeneratedRegex(@"^([A-Za-z]+)\s+(.*)$")]
    private static partial Regex InstructionLine();

    [GeneratedRegex(@"^(?<image>\S+)(\s+AS\s+(?<name>\S+))?", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();
}
