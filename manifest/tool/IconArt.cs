namespace ChatOpsBot.Manifest;

/// <summary>
/// Draws the two app icons from geometry (a ticket with side notches and a perforation), so they are
/// reproducible: <c>dotnet run manifest/pack.cs -- icons</c> rewrites color.png and outline.png.
/// </summary>
internal static class IconArt
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;
    private const int Samples = 4; // 4×4 supersampling per pixel for smooth edges

    private static readonly (byte R, byte G, byte B) Accent = (0xE3, 0x06, 0x13);
    private static readonly (byte R, byte G, byte B) White = (0xFF, 0xFF, 0xFF);

    /// <summary>Full-colour 192×192 icon: white ticket on the accent red, opaque.</summary>
    public static byte[] ColorRgba()
    {
        var ticket = new Ticket(96, 96, 62, 38, 10, 13, 62);
        return Render(ColorSize, (x, y) =>
        {
            if (ticket.Contains(x, y) && !IsPerforation(x, y, ticket))
            {
                return (White, 1.0);
            }

            return (Accent, 1.0);
        });
    }

    /// <summary>Outline 32×32 icon: white ticket outline on a transparent background.</summary>
    public static byte[] OutlineRgba()
    {
        var outer = new Ticket(16, 16, 14, 9, 2.5, 3.5, 14);
        var inner = new Ticket(16, 16, 12, 7, 1, 5.5, 14);
        return Render(OutlineSize, (x, y) =>
        {
            var stroke = outer.Contains(x, y) && !inner.Contains(x, y);
            var perforation = x >= 20 && x < 22 && Math.Abs(y - 16) < 7 && ((int)Math.Floor(y - 9) % 4) < 2;
            return (White, stroke || perforation ? 1.0 : 0.0);
        });
    }

    public static byte[] ColorPng() => PngEncoder.Encode(ColorSize, ColorSize, ColorRgba());

    public static byte[] OutlinePng() => PngEncoder.Encode(OutlineSize, OutlineSize, OutlineRgba());

    private static bool IsPerforation(double x, double y, Ticket ticket)
    {
        var column = ticket.CenterX + (ticket.HalfWidth * 0.35);
        var inColumn = Math.Abs(x - column) < 2.5;
        var inBand = Math.Abs(y - ticket.CenterY) < ticket.HalfHeight - 6;
        var dash = ((int)Math.Floor(y - ticket.CenterY + 100) % 12) < 7;
        return inColumn && inBand && dash;
    }

    private static byte[] Render(int size, Func<double, double, ((byte R, byte G, byte B) Colour, double Alpha)> shade)
    {
        var rgba = new byte[size * size * 4];
        for (var py = 0; py < size; py++)
        {
            for (var px = 0; px < size; px++)
            {
                double r = 0, g = 0, b = 0, a = 0;
                for (var sy = 0; sy < Samples; sy++)
                {
                    for (var sx = 0; sx < Samples; sx++)
                    {
                        var (colour, alpha) = shade(px + ((sx + 0.5) / Samples), py + ((sy + 0.5) / Samples));
                        r += colour.R * alpha;
                        g += colour.G * alpha;
                        b += colour.B * alpha;
                        a += alpha;
                    }
                }

                var offset = ((py * size) + px) * 4;
                if (a > 0)
                {
                    rgba[offset] = (byte)Math.Round(r / a);
                    rgba[offset + 1] = (byte)Math.Round(g / a);
                    rgba[offset + 2] = (byte)Math.Round(b / a);
                }

                rgba[offset + 3] = (byte)Math.Round(255 * a / (Samples * Samples));
            }
        }

        return rgba;
    }

    /// <summary>A rounded rectangle with a round notch centred <c>NotchOffset</c> left and right of its centre.</summary>
    private sealed record Ticket(double CenterX, double CenterY, double HalfWidth, double HalfHeight, double Corner, double Notch, double NotchOffset)
    {
        public bool Contains(double x, double y)
        {
            var ax = Math.Abs(x - CenterX);
            var ay = Math.Abs(y - CenterY);
            if (ax > HalfWidth || ay > HalfHeight)
            {
                return false;
            }

            var dx = Math.Max(ax - (HalfWidth - Corner), 0);
            var dy = Math.Max(ay - (HalfHeight - Corner), 0);
            if ((dx * dx) + (dy * dy) > Corner * Corner)
            {
                return false;
            }

            var nx = ax - NotchOffset;
            return (nx * nx) + (ay * ay) > Notch * Notch;
        }
    }
}
