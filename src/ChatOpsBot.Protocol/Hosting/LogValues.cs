namespace ChatOpsBot.Protocol.Hosting;

/// <summary>Values from the wire as they may appear in a log line: at most 64 characters, control characters replaced.</summary>
internal static class LogValues
{
    private const int MaxLength = 64;

    public static string Short(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var cut = value.Length > MaxLength ? value[..MaxLength] + "…" : value;
        return string.Create(cut.Length, cut, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) || char.IsSurrogate(text[i]) ? '?' : text[i];
            }
        });
    }
}
