using ChatOpsBot.Testing;

namespace ChatOpsBot.Tests.Architecture;

/// <summary>
/// Tests mirror src: each folder of a test project (<c>tests/X.Tests</c>) names a folder of the project it tests
/// (<c>src/X</c>), or is its <c>Infrastructure</c>, or one of the flows declared here (tests that go through several
/// folders at once). A test folder whose src folder is renamed or removed fails, and so does a flow folder nobody declared.
/// </summary>
public sealed class TestLayoutTests
{
    /// <summary>The folders of tests that exercise a whole flow across src folders, per test project (README, "Test it").</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Flows = new Dictionary<string, string[]>
    {
        ["ChatOpsBot.Bot.Tests"] = ["Fuzz", "RealItop", "Scenarios", "UserText"],
        ["ChatOpsBot.Itop.Tests"] = ["RealItop", "Sandbox"],
        ["ChatOpsBot.ItopSandbox.Tests"] = ["Corpus"],
        ["ChatOpsBot.Notifications.Tests"] = ["RealItop"],
        ["ChatOpsBot.State.Tests"] = ["ChildProcess", "Contract"],
        ["ChatOpsBot.Tests"] = ["Architecture", "Chat", "Crash"],
    };

    public static TheoryData<string> MirroringProjects => [.. MirroringProjectNames()];

    [Theory]
    [MemberData(nameof(MirroringProjects))]
    public void Every_test_folder_names_a_src_folder_of_the_project_under_test_or_a_declared_flow(string project)
    {
        var srcFolders = CodeFolders(SrcOf(project)).ToHashSet(StringComparer.Ordinal);
        var allowed = Flows.GetValueOrDefault(project, []).Append("Infrastructure");
        var strangers = CodeFolders(Path.Combine(TestsDirectory, project)).Where(f => !srcFolders.Contains(f) && !allowed.Contains(f)).ToList();
        Assert.Empty(strangers);
    }

    [Fact]
    public void Every_declared_flow_folder_exists_and_is_not_a_src_folder()
    {
        foreach (var (project, flows) in Flows)
        {
            var folders = CodeFolders(Path.Combine(TestsDirectory, project)).ToList();
            var srcFolders = CodeFolders(SrcOf(project)).ToList();
            Assert.All(flows, flow => Assert.Contains(flow, folders));
            Assert.All(flows, flow => Assert.DoesNotContain(flow, srcFolders));
        }
    }

    [Fact]
    public void Most_test_projects_mirror_a_src_project()
    {
        Assert.Superset(new HashSet<string> { "ChatOpsBot.Bot.Tests", "ChatOpsBot.Notifications.Tests", "ChatOpsBot.Tests" }, MirroringProjectNames().ToHashSet());
    }

    /// <summary>The test projects named after a src project (<c>tests/X.Tests</c> for <c>src/X</c>).</summary>
    private static IEnumerable<string> MirroringProjectNames() =>
        Directory.GetDirectories(TestsDirectory, "*.Tests").Select(d => Path.GetFileName(d)!).Where(p => Directory.Exists(SrcOf(p))).Order();

    /// <summary>The folders right below <paramref name="directory"/> that hold C# files (not data folders such as golden files).</summary>
    private static IEnumerable<string> CodeFolders(string directory) =>
        Directory.GetDirectories(directory)
            .Where(d => Path.GetFileName(d) is not ("bin" or "obj"))
            .Where(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories).Any())
            .Select(d => Path.GetFileName(d)!);

    private static string SrcOf(string testProject) =>
        Path.Combine(TestData.RepositoryRoot, "src", testProject[..^".Tests".Length]);

    private static string TestsDirectory => Path.Combine(TestData.RepositoryRoot, "tests");
}
