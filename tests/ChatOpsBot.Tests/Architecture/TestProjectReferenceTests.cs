using System.Xml.Linq;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Tests.Architecture;

/// <summary>
/// A test project references src projects and the test kits (projects named <c>*.Testing</c>), never another test
/// project: what two test projects share lives in a kit, so each test project builds and runs alone.
/// </summary>
public sealed class TestProjectReferenceTests
{
    public static TheoryData<string> TestProjects =>
        [.. Directory.GetDirectories(TestsDirectory).Where(d => File.Exists(ProjectFile(d))).Select(d => Path.GetFileName(d)!).Order()];

    [Theory]
    [MemberData(nameof(TestProjects))]
    public void A_test_project_references_no_other_test_project_than_a_kit(string project)
    {
        var directory = Path.Combine(TestsDirectory, project);
        Assert.Empty(ForbiddenReferences(directory, XDocument.Load(ProjectFile(directory))));
    }

    [Fact]
    public void The_rule_sees_a_test_project_that_references_another_one()
    {
        var directory = Path.Combine(TestsDirectory, "ChatOpsBot.Notifications.Tests");
        var project = XDocument.Parse("""
            <Project>
              <ItemGroup>
                <ProjectReference Include="../ChatOpsBot.Testing/ChatOpsBot.Testing.csproj" />
                <ProjectReference Include="../ChatOpsBot.Bot.Testing/ChatOpsBot.Bot.Testing.csproj" />
                <ProjectReference Include="../ChatOpsBot.Bot.Tests/ChatOpsBot.Bot.Tests.csproj" />
                <ProjectReference Include="../../src/ChatOpsBot.Notifications/ChatOpsBot.Notifications.csproj" />
              </ItemGroup>
            </Project>
            """);

        Assert.Equal(["ChatOpsBot.Bot.Tests"], ForbiddenReferences(directory, project));
    }

    [Fact]
    public void The_tests_folder_holds_the_kits_and_the_test_projects()
    {
        Assert.Contains("ChatOpsBot.Testing", TestProjects);
        Assert.Contains("ChatOpsBot.Bot.Testing", TestProjects);
        Assert.Contains("ChatOpsBot.Bot.Tests", TestProjects);
    }

    /// <summary>The projects of the tests folder <paramref name="project"/> references that are not kits.</summary>
    private static string[] ForbiddenReferences(string directory, XDocument project) =>
    [
        .. project.Descendants("ProjectReference")
            .Select(r => Path.GetFullPath(Path.Combine(directory, (string)r.Attribute("Include")!)))
            .Where(path => path.StartsWith(TestsDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !name!.EndsWith(".Testing", StringComparison.Ordinal))
            .Select(name => name!),
    ];

    private static string TestsDirectory => Path.Combine(TestData.RepositoryRoot, "tests");

    private static string ProjectFile(string directory) => Path.Combine(directory, Path.GetFileName(directory) + ".csproj");
}
