using System.Globalization;
using System.Text;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Cards;

namespace ChatOpsBot.Bot.Turns;

/// <summary>
/// Text someone typed (a title, a comment, a reason, a command argument) inside a markdown message another person
/// reads: it must show as typed, never as markup. Every character that can open markdown or HTML — emphasis, code, a
/// link (<c>[x](url)</c>), an autolink or tag (<c>&lt;…&gt;</c>, Teams' <c>&lt;at&gt;</c> mentions), an entity
/// (<c>&amp;…;</c>), a table cell — gets a CommonMark backslash escape, and so does a list, heading or quote marker at
/// its start. Line breaks and other control characters become one space (a notification is one line; no block can
/// start inside it). Long text is cut, with an ellipsis.
/// </summary>
public static class MarkdownText
{
    /// <summary>Where a value is cut unless the caller says otherwise: the longest text a card input accepts.</summary>
    public const int DefaultMaxLength = CardLimits.TextMaxLength;

    private const string Inline = "\\`*_~[]<>&|#";
    private const string LineStart = "+-=";

    /// <summary>The localized message <paramref name="key"/> with every string argument escaped (and cut at <see cref="DefaultMaxLength"/>).</summary>
    public static string Format(string key, CultureInfo culture, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var escaped = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            escaped[i] = args[i] is string text ? Escape(text) : args[i];
        }

        return BotText.Format(key, culture, escaped);
    }

    /// <summary>What a user typed, echoed back: escaped and cut at <see cref="CardLimits.EchoedInputLength"/>.</summary>
    public static string Echo(string? text) => Escape(text, CardLimits.EchoedInputLength);

    public static string Escape(string? text, int maxLength = DefaultMaxLength)
    {
        var plain = Cut(OneLine(text), maxLength);
        var escaped = new StringBuilder(plain.Length + 16);
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            if (Inline.Contains(c, StringComparison.Ordinal) || (i == 0 && LineStart.Contains(c, StringComparison.Ordinal)) || IsOrderedListMarker(plain, i))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>"12." or "3)" at the very start would open an ordered list: its punctuation is escaped.</summary>
    private static bool IsOrderedListMarker(string text, int index)
    {
        if (index == 0 || text[index] is not ('.' or ')'))
        {
            return false;
        }

        for (var i = 0; i < index; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var line = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                space = line.Length > 0;
                continue;
            }

            if (space)
            {
                line.Append(' ');
                space = false;
            }

            line.Append(c);
        }

        return line.ToString();
    }

    private static string Cut(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..end] + "…";
    }
}
