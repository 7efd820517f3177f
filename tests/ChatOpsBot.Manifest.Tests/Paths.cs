using ChatOpsBot.Testing;

namespace ChatOpsBot.Manifest.Tests;

/// <summary>The manifest/ and infra/ folders of this checkout.</summary>
internal static class Paths
{
    public static string ManifestDirectory => Path.Combine(TestData.RepositoryRoot, "manifest");

    public static string Schemas => Path.Combine(ManifestDirectory, "schemas", "v1.30");

    public static string Infra => Path.Combine(TestData.RepositoryRoot, "infra");
}
