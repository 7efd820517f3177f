using System.Reflection;
using System.Xml.Linq;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Tests.Architecture;

/// <summary>
/// The project graph of the README's layout table, read from the compiled assemblies and from the project files: a
/// reference the table does not allow fails, and so does a namespace cycle inside a project (the message names the types
/// that make each dependency of the cycle, so the reader sees what to move).
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

        // Proactive messages render with the bot's cards, texts and people; the turns never reach the change feed or the outbox.
        ["ChatOpsBot.Notifications"] = ["ChatOpsBot.Bot", "ChatOpsBot.Protocol", "ChatOpsBot.Cards", "ChatOpsBot.Tickets", "ChatOpsBot.State"],
        ["ChatOpsBot"] =
        [
            "ChatOpsBot.Protocol", "ChatOpsBot.Cards", "ChatOpsBot.Tickets", "ChatOpsBot.ItopSandbox", "ChatOpsBot.State",
            "ChatOpsBot.Itop", "ChatOpsBot.Bot", "ChatOpsBot.Notifications",
        ],
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
    public void No_namespace_cycle_inside_a_project(string project)
    {
        var uses = NamespaceGraph.Uses(Load(project));
        var cycles = NamespaceGraph.CycleEdges(NamespaceGraph.Edges(Load(project)))
            .Select(e => Relative(project, e.From) + " -> " + Relative(project, e.To))
            .Order()
            .ToList();
        Assert.True(cycles.Count == 0,
            $"{project}: namespace dependencies on a cycle:\n  {string.Join("\n  ", cycles.Select(e => e + Witnesses(project, uses, e)))}");
    }

    /// <summary>The Connector's clients (a client per serviceUrl, its Refit API): what talks to Teams outside a turn.</summary>
    private static readonly string[] ConnectorClients =
    [
        "ChatOpsBot.Protocol.Connector.IConnectorClientFactory",
        "ChatOpsBot.Protocol.Connector.ConnectorClientFactory",
        "ChatOpsBot.Protocol.Connector.IConnectorApi",
    ];

    public static TheoryData<string> ProjectsOutsideProtocol => [.. Allowed.Keys.Where(p => p != "ChatOpsBot.Protocol")];

    /// <summary>
    /// Issue 13: nothing outside Protocol talks to the Connector on its own: proactive messages go through the one sender
    /// (<c>Protocol/Proactive/IProactiveSender</c>), answers through the turn (<c>TurnContext</c>).
    /// </summary>
    [Theory]
    [MemberData(nameof(ProjectsOutsideProtocol))]
    public void Only_Protocol_creates_Connector_clients(string project)
    {
        var uses = NamespaceGraph.AllUses(Load(project))
            .Where(u => ConnectorClients.Contains(u.To.FullName))
            .Select(u => u.From.FullName + " uses " + u.To.Name)
            .Order()
            .ToList();
        Assert.True(uses.Count == 0, $"{project} talks to the Connector without the proactive sender:\n  {string.Join("\n  ", uses)}");
    }

    [Fact]
    public void The_use_reader_sees_the_sender_create_Connector_clients()
    {
        var protocol = NamespaceGraph.AllUses(Load("ChatOpsBot.Protocol"));
        Assert.Contains(protocol, u => u.From.Name == "ProactiveSender" && u.To.FullName == ConnectorClients[0]);
        Assert.Contains(NamespaceGraph.AllUses(Load("ChatOpsBot.Notifications")), u => u.From.Name == "OutboxDeliverer" && u.To.Name == "IProactiveSender");
    }

    [Fact]
    public void The_graph_reader_sees_what_a_folder_uses()
    {
        var itop = NamespaceGraph.Edges(Load("ChatOpsBot.Itop"));
        Assert.Contains(("ChatOpsBot.Itop.Desk", "ChatOpsBot.Itop.Rest"), itop);
        Assert.DoesNotContain(("ChatOpsBot.Itop.Rest", "ChatOpsBot.Itop.Desk"), itop);
        Assert.Contains(("ChatOpsBot.ItopSandbox.Storage", "ChatOpsBot.ItopSandbox.Model"), NamespaceGraph.Edges(Load("ChatOpsBot.ItopSandbox")));
        var uses = NamespaceGraph.Uses(Load("ChatOpsBot.Itop"));
        Assert.Contains(uses, u => u.From.Namespace == "ChatOpsBot.Itop.Desk" && u.To.Namespace == "ChatOpsBot.Itop.Rest" && !u.From.IsNested);
    }

    [Fact]
    public void The_source_reader_sees_a_constant_of_another_namespace_which_the_compiled_code_does_not_name()
    {
        var sources = new[]
        {
            "namespace P.A { public static class Verbs { public const string Assign = \"assign\"; public enum Kind { One } } }",
            "namespace P.B { public sealed class Handler { public string Verb => P.A.Verbs.Assign; public int Kind => (int)A.Verbs.Kind.One; } }",
            "namespace P.B { using static P.A.Verbs; [System.Obsolete(Assign)] public sealed class Marked { private const string Own = \"own\"; public string Mine => Own; } }",
        }.Select(s => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(s));

        var uses = ConstantUses.In(sources, ConstantUses.ReferencePathsOf(typeof(ArchitectureTests).Assembly));

        Assert.Equal([("P.B.Handler", "P.A.Verbs"), ("P.B.Marked", "P.A.Verbs")], uses.Order());
    }

    [Fact]
    public void The_cycle_finder_sees_a_cycle_through_three_namespaces_and_nothing_else()
    {
        var edges = new HashSet<(string, string)> { ("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"), ("D", "E") };
        Assert.Equal([("A", "B"), ("B", "C"), ("C", "A")], NamespaceGraph.CycleEdges(edges).Order());
    }

    /// <summary>" (because A uses B, C uses D)": the types that make the edge, so a reader sees what to move.</summary>
    private static string Witnesses(string project, IReadOnlySet<(Type From, Type To)> uses, string edge)
    {
        var found = uses.Where(u => Relative(project, u.From.Namespace ?? "") + " -> " + Relative(project, u.To.Namespace ?? "") == edge)
            .Select(u => u.From.Name + " uses " + u.To.Name).Order().ToList();
        return found.Count == 0 ? "" : " (" + string.Join(", ", found) + ")";
    }

    private static string SrcDirectory => Path.Combine(TestData.RepositoryRoot, "src");

    private static bool IsOurs(string name) => name == "ChatOpsBot" || name.StartsWith("ChatOpsBot.", StringComparison.Ordinal);

    private static Assembly Load(string project) => Assembly.Load(new AssemblyName(project));

    private static string Relative(string project, string ns) =>
        ns.StartsWith(project + ".", StringComparison.Ordinal) ? ns[(project.Length + 1)..] : ns;
}
