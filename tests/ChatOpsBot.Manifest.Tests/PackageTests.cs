using System.IO.Compression;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Manifest.Tests;

public class PackageTests
{
    private static ZipArchive Build(PackageSettings settings)
    {
        var stream = new MemoryStream();
        AppPackage.Write(Paths.ManifestDirectory, settings, stream);
        stream.Position = 0;
        return new ZipArchive(stream, ZipArchiveMode.Read);
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var entry = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public void Zip_holds_exactly_the_manifest_icons_and_localization_at_its_root()
    {
        using var zip = Build(Settings.Valid());

        Assert.Equal(
            ["color.png", "en-us.json", "manifest.json", "outline.png"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Zipped_manifest_and_localization_validate_and_icons_have_teams_sizes()
    {
        using var zip = Build(Settings.Valid());

        var manifest = System.Text.Encoding.UTF8.GetString(Read(zip, "manifest.json"));
        Assert.Empty(await SchemaValidation.ManifestErrorsAsync(manifest));
        Assert.Empty(await SchemaValidation.LocalizationErrorsAsync(System.Text.Encoding.UTF8.GetString(Read(zip, "en-us.json"))));
        var icons = JsonNode.Parse(manifest)!["icons"]!;
        var colour = PngFile.Read(Read(zip, icons["color"]!.GetValue<string>()));
        var outline = PngFile.Read(Read(zip, icons["outline"]!.GetValue<string>()));
        Assert.Equal((192, 192), (colour.Width, colour.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
    }

    [Fact]
    public void Same_settings_give_the_same_zip_bytes()
    {
        static byte[] Bytes()
        {
            using var stream = new MemoryStream();
            AppPackage.Write(Paths.ManifestDirectory, Settings.Valid(), stream);
            return stream.ToArray();
        }

        Assert.Equal(Bytes(), Bytes());
    }

    [Fact]
    public void Wrong_icon_size_stops_the_packer()
    {
        var directory = Directory.CreateTempSubdirectory("chatopsbot-manifest-");
        try
        {
            foreach (var file in Directory.GetFiles(Paths.ManifestDirectory))
            {
                File.Copy(file, Path.Combine(directory.FullName, Path.GetFileName(file)));
            }

            File.WriteAllBytes(Path.Combine(directory.FullName, "outline.png"), PngEncoder.Encode(192, 192, new byte[192 * 192 * 4]));

            var error = Assert.Throws<InvalidDataException>(() => AppPackage.Write(directory.FullName, Settings.Valid(), new MemoryStream()));
            Assert.Contains("outline.png is 192×192", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
