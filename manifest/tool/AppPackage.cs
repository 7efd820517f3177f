using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Manifest;

/// <summary>Builds the Teams app zip: filled manifest.json, its icons and its localization files, all at the root.</summary>
internal static class AppPackage
{
    public const string ManifestFileName = "manifest.json";

    // Fixed entry time so that the same inputs give the same zip bytes.
    private static readonly DateTimeOffset EntryTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The filled manifest.json text, exactly as it goes into the zip.</summary>
    public static string FillManifest(string manifestDirectory, PackageSettings settings) =>
        ManifestTemplate.Fill(File.ReadAllText(Path.Combine(manifestDirectory, ManifestFileName)), settings.Placeholders);

    /// <summary>Every file of the package (zip entry name → content), manifest first.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> Files(string manifestDirectory, PackageSettings settings)
    {
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidDataException("Invalid package settings:\n  " + string.Join("\n  ", errors));
        }

        var manifestText = FillManifest(manifestDirectory, settings);
        var manifest = JsonNode.Parse(manifestText)!;
        var files = new List<(string, byte[])> { (ManifestFileName, Encoding.UTF8.GetBytes(manifestText)) };

        foreach (var (kind, size) in new[] { ("color", IconArt.ColorSize), ("outline", IconArt.OutlineSize) })
        {
            var name = RootFileName(manifest["icons"]?[kind]?.GetValue<string>(), $"icons.{kind}");
            var png = File.ReadAllBytes(Path.Combine(manifestDirectory, name));
            var (width, height) = PngSize(png, name);
            if (width != size || height != size)
            {
                throw new InvalidDataException($"{name} is {width}×{height}, Teams wants {size}×{size}.");
            }

            files.Add((name, png));
        }

        foreach (var language in manifest["localizationInfo"]?["additionalLanguages"]?.AsArray() ?? [])
        {
            var name = RootFileName(language?["file"]?.GetValue<string>(), "localizationInfo.additionalLanguages[].file");
            var text = ManifestTemplate.Fill(File.ReadAllText(Path.Combine(manifestDirectory, name)), settings.Placeholders);
            files.Add((name, Encoding.UTF8.GetBytes(text)));
        }

        return files;
    }

    public static void Write(string manifestDirectory, PackageSettings settings, Stream destination)
    {
        var files = Files(manifestDirectory, settings);
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, content) in files)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = EntryTime;
            using var stream = entry.Open();
            stream.Write(content);
        }
    }

    private static string RootFileName(string? path, string field)
    {
        if (string.IsNullOrEmpty(path) || path != Path.GetFileName(path))
        {
            throw new InvalidDataException($"{field} must name a file at the package root, got '{path}'.");
        }

        return path;
    }

    private static (int Width, int Height) PngSize(byte[] png, string name)
    {
        // 8-byte signature, then the IHDR chunk: length (4), "IHDR" (4), width (4), height (4).
        if (png.Length < 24 || png[0] != 0x89 || png[1] != (byte)'P' || png[12] != (byte)'I' || png[15] != (byte)'R')
        {
            throw new InvalidDataException($"{name} is not a PNG file.");
        }

        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)),
                System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
