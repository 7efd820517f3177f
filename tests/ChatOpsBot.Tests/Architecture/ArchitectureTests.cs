using System.Reflection;
using System.Xml.Linq;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Tests.Architecture;

/// <summary>
/// The project graph of the README's layout table, read from the compiled assemblies and from the project files: a
/// reference the table does not allow fails, and so does a namespace cycle inside a project, except the known cycles of
/// ChatOpsBot.Bot listed below (a ratchet: a new one fails, and one that disappeared must be taken off the list).
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Each src project and the projects of ours it may reference (README, "Layout").</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["ChatOpsBot.Protocol"] = [],
        ["ChatOpsBot.Cards"] = [],
        ["ChatOpsBot.Tickets"] = [],
        ["ChatOpsBot.ItopSandbox"] = [],
        ["ChatOpsBot.State"] = ["ChatOpsBot.Protocol"],
        ["ChatOpsBot.Itop"] = ["ChatOpsBot.Tickets"],
        ["ChatOpsBot.Bot"] = ["ChatOpsBot.Protocol", "ChatOpsBot.Cards", "ChatOpsBot.Tickets", "ChatOpsBot.State"],
        ["ChatOpsBot"] =
        [
            "ChatOpsBot.Protocol", "ChatOpsBot.Cards", "ChatOpsBot.Tickets", "ChatOpsBot.ItopSandbox", "ChatOpsBot.State",
            "ChatOpsBot.Itop", "ChatOpsBot.Bot",
        ],
    };

    /// <summary>
    /// The dependencies between folders of ChatOpsBot.Bot that lie on a cycle today (namespaces relative to
    /// <c>ChatOpsBot.Bot</c>). Only ever remove lines: splitting the Bot project (issue 13) empties it.
    /// </summary>
    public static readonly IReadOnlySet<string> KnownBotCycles = new HashSet<string>
    {
        "Actions -> Conversation",
        "Actions -> Rendering",
        "Approvals -> Actions",
        "Approvals -> Conversation",
        "Approvals -> Notifications",
        "Approvals -> Rendering",
        "Commands -> Actions",
        "Commands -> Conversation",
        "Commands -> Dialogs",
        "Commands -> Notifications",
        "Commands -> Rendering",
        "Conversation -> Actions",
        "Conversation -> Approvals",
        "Conversation -> Commands",
        "Conversation -> Dialogs",
        "Conversation -> Notifications",
        "Conversation -> Rendering",
        "Dialogs -> Actions",
        "Dialogs -> Approvals",
        "Dialogs -> Conversation",
        "Dialogs -> Rendering",
        "Notifications -> Conversation",
        "Notifications -> Rendering",
        "Rendering -> Actions",
        "Rendering -> Approvals",
        "Rendering -> Conversation",

        // Merged with issue 16, built beside this list: the search, the link unfurling and the digest identify the user
        // through Conversation, which routes their invokes and commands.
        "Commands -> Digest",
        "Conversation -> LinkUnfurling",
        "Conversation -> Search",
        "Digest -> Conversation",
        "Digest -> Notifications",
        "Digest -> Rendering",
        "LinkUnfurling -> Conversation",
        "LinkUnfurling -> Rendering",
        "Search -> Conversation",
        "Search -> Rendering",
    };

    public static TheoryData<string> Projects => [.. Allowed.Keys];

    [Theory]
    [MemberData(nameof(Projects))]
    public void The_compiled_assembly_references_only_the_projects_it_may(string project)
    {
        var ours = Load(project).GetReferencedAssemblies().Select(a => a.Name!).Where(IsOurs);
        Assert.Empty(ours.Except(Allowed[project]));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void The_project_file_references_only_the_projects_it_may(string project)
    {
        var references = XDocument.Load(Path.Combine(SrcDirectory, project, project + ".csproj"))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!));
        Assert.Empty(references.Except(Allowed[project]));
    }

    [Fact]
    public void Every_src_project_is_in_the_table()
    {
        var projects = Directory.GetDirectories(SrcDirectory).Where(d => Directory.GetFiles(d, "*.csproj").Length > 0).Select(Path.GetFileName);
        Assert.Equal(Allowed.Keys.Order(), projects.Order());
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void No_namespace_cycle_inside_a_project_but_the_known_ones(string project)
    {
        var cycles = NamespaceGraph.CycleEdges(NamespaceGraph.Edges(Load(project)))
            .Select(e => Relative(project, e.From) + " -> " + Relative(project, e.To))
            .ToHashSet();
        var known = project == "ChatOpsBot.Bot" ? KnownBotCycles : new HashSet<string>();
        var added = cycles.Except(known).Order().ToList();
        var gone = known.Except(cycles).Order().ToList();
        Assert.True(added.Count == 0 && gone.Count == 0,
            $"{project}: new namespace dependencies on a cycle:\n  {string.Join("\n  ", added)}\n" +
            $"listed ones no longer on a cycle (take them off {nameof(KnownBotCycles)}):\n  {string.Join("\n  ", gone)}");
    }

    [Fact]
    public void The_graph_reader_sees_what_a_folder_uses()
    {
        var itop = NamespaceGraph.Edges(Load("ChatOpsBot.Itop"));
        Assert.Contains(("ChatOpsBot.Itop.Desk", "ChatOpsBot.Itop.Rest"), itop);
        Assert.DoesNotContain(("ChatOpsBot.Itop.Rest", "ChatOpsBot.Itop.Desk"), itop);
        Assert.Contains(("ChatOpsBot.ItopSandbox.Storage", "ChatOpsBot.ItopSandbox.Model"), NamespaceGraph.Edges(Load("ChatOpsBot.ItopSandbox")));
    }

    [Fact]
    public void The_cycle_finder_sees_a_cycle_through_three_namespaces_and_nothing_else()
    {
        var edges = new HashSet<(string, string)> { ("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"), ("D", "E") };
        Assert.Equal([("A", "B"), ("B", "C"), ("C", "A")], NamespaceGraph.CycleEdges(edges).Order());
    }

    private static string SrcDirectory => Path.Combine(TestData.RepositoryRoot, "src");

    private static bool IsOurs(string name) => name == "ChatOpsBot" || name.StartsWith("ChatOpsBot.", StringComparison.Ordinal);

    private static Assembly Load(string project) => Assembly.Load(new AssemblyName(project));

    private static string Relative(string project, string ns) =>
        ns.StartsWith(project + ".", StringComparison.Ordinal) ? ns[(project.Length + 1)..] : ns;
}
