using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace ChatOpsBot.Protocol.Hosting;

/// <summary>
/// Checks that every string of a JSON document can be read as text: valid UTF-8, and no escaped lone surrogate
/// (<c>"\udfff"</c>). The reader accepts both, and the typed fields reject them, but the parts kept as
/// <see cref="JsonElement"/> (value, channelData, entities' extra members) would throw later, in the handler, at
/// <see cref="JsonElement.GetString"/>. Also refuses a string longer than the caller's limit, before anything is
/// allocated for it. One pass, no exception on bad input.
/// </summary>
internal static class JsonStrings
{
    public const int MaxDepth = 64;

    /// <summary>Null when the document is well-formed JSON whose strings are all text; otherwise a short reason.</summary>
    public static string? Check(ReadOnlySpan<byte> json, int maxStringBytes)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
                {
                    continue;
                }

                if (reader.ValueSpan.Length > maxStringBytes)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"a JSON string longer than {maxStringBytes} bytes");
                }

                if (!IsText(reader.ValueSpan, reader.ValueIsEscaped))
                {
                    return "a JSON string is not valid text (bad UTF-8 or a lone surrogate)";
                }
            }
        }
        catch (JsonException)
        {
            return "malformed JSON";
        }

        return null;
    }

    private static bool IsText(ReadOnlySpan<byte> raw, bool escaped)
    {
        if (!Utf8.IsValid(raw))
        {
            return false;
        }

        return !escaped || EscapesArePaired(raw);
    }

    /// <summary>Every <c>\uD800</c>–<c>\uDBFF</c> escape is followed by a <c>\uDC00</c>–<c>\uDFFF</c> one, and no low one stands alone.</summary>
    private static bool EscapesArePaired(ReadOnlySpan<byte> raw)
    {
        var expectLow = false;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                if (expectLow)
                {
                    return false;
                }

                continue;
            }

            if (i + 1 >= raw.Length || raw[i + 1] != (byte)'u')
            {
                if (expectLow)
                {
                    return false;
                }

                i++;
                continue;
            }

            if (i + 5 >= raw.Length || !TryHex(raw.Slice(i + 2, 4), out var unit))
            {
                return false;
            }

            i += 5;
            if (char.IsHighSurrogate(unit))
            {
                if (expectLow)
                {
                    return false;
                }

                expectLow = true;
            }
            else if (char.IsLowSurrogate(unit))
            {
                if (!expectLow)
                {
                    return false;
                }

                expectLow = false;
            }
            else if (expectLow)
            {
                return false;
            }
        }

        return !expectLow;
    }

    private static bool TryHex(ReadOnlySpan<byte> digits, out char unit)
    {
        var value = 0;
        foreach (var b in digits)
        {
            var digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                unit = default;
                return false;
            }

            value = (value << 4) | digit;
        }

        unit = (char)value;
        return true;
    }
}
