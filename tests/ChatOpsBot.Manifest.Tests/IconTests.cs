namespace ChatOpsBot.Manifest.Tests;

public class IconTests
{
    private static PngFile Committed(string name) => PngFile.Read(File.ReadAllBytes(Path.Combine(Paths.ManifestDirectory, name)));

    [Fact]
    public void Colour_icon_is_an_opaque_192_by_192_png()
    {
        var png = Committed("color.png");

        Assert.Equal((192, 192), (png.Width, png.Height));
        Assert.Equal(8, png.BitDepth);
        for (var y = 0; y < png.Height; y++)
        {
            for (var x = 0; x < png.Width; x++)
            {
                Assert.Equal(255, png.Alpha(x, y));
            }
        }
    }

    [Fact]
    public void Outline_icon_is_32_by_32_white_on_transparent()
    {
        var png = Committed("outline.png");

        Assert.Equal((32, 32), (png.Width, png.Height));
        var transparent = 0;
        var drawn = 0;
        for (var i = 0; i < png.Rgba.Length; i += 4)
        {
            if (png.Rgba[i + 3] == 0)
            {
                transparent++;
                continue;
            }

            drawn++;
            Assert.Equal((255, 255, 255), (png.Rgba[i], png.Rgba[i + 1], png.Rgba[i + 2]));
        }

        Assert.Equal(0, png.Alpha(0, 0));
        Assert.True(transparent > 32 * 32 / 2, $"{transparent} transparent pixels");
        Assert.True(drawn > 32 * 4, $"{drawn} drawn pixels");
    }

    [Theory]
    [InlineData("color.png")]
    [InlineData("outline.png")]
    public void Committed_icons_are_what_the_generator_draws(string name)
    {
        // Compare pixels, not bytes: the deflate output may change with the runtime's zlib.
        var generated = PngFile.Read(name == "color.png" ? IconArt.ColorPng() : IconArt.OutlinePng());

        Assert.Equal(generated.Rgba, Committed(name).Rgba);
    }
}
