using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ChatOpsBot.Manifest.Tests;

/// <summary>A test-side PNG reader, independent of the packer's encoder: IHDR fields and RGBA pixels.</summary>
internal sealed record PngFile(int Width, int Height, byte BitDepth, byte ColourType, byte[] Rgba)
{
    public static PngFile Read(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "PNG signature");
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        var bitDepth = png[24];
        var colourType = png[25];

        using var idat = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            if (Encoding.ASCII.GetString(png, offset + 4, 4) == "IDAT")
            {
                idat.Write(png, offset + 8, length);
            }

            offset += 12 + length;
        }

        return new PngFile(width, height, bitDepth, colourType, Unfilter(Inflate(idat.ToArray()), width, height, colourType));
    }

    public byte Alpha(int x, int y) => Rgba[(((y * Width) + x) * 4) + 3];

    private static byte[] Inflate(byte[] data)
    {
        using var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        return raw.ToArray();
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, byte colourType)
    {
        // Only what a Teams icon needs to be read here: 8-bit RGBA rows with filter 0 (None).
        Assert.Equal(6, colourType);
        var stride = width * 4;
        Assert.Equal(height * (stride + 1), raw.Length);
        var rgba = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, raw[y * (stride + 1)]);
            Array.Copy(raw, (y * (stride + 1)) + 1, rgba, y * stride, stride);
        }

        return rgba;
    }
}
