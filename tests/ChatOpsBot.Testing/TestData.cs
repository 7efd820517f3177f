namespace ChatOpsBot.Testing;

/// <summary>Locates the vendored test corpora (tests/TestData) from any test's output folder.</summary>
public static class TestData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>tests/TestData.</summary>
    public static string Directory => Root.Value;

    /// <summary>The recorded iTop 3.2.0 exchanges (a copy of shared/itop-contract).</summary>
    public static string ItopContract => Path.Combine(Directory, "itop-contract");

    /// <summary>The recorded Teams traffic (a copy of shared/teams-recordings).</summary>
    public static string TeamsRecordings => Path.Combine(Directory, "teams-recordings");

    /// <summary>The Adaptive Card schemas (a copy of shared/schemas).</summary>
    public static string Schemas => Path.Combine(Directory, "schemas");

    /// <summary>The repository root (the folder holding ChatOpsBot.sln).</summary>
    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(Directory, "..", ".."));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "TestData");
            if (System.IO.Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "ChatOpsBot.sln")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/TestData not found above " + AppContext.BaseDirectory);
    }
}
