using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.Infrastructure;

/// <summary>
/// Deep JSON equality modulo null-omission (a property whose value is null equals an absent one). Timestamps are
/// compared as instants with their offset, since 7 fractional digits and "Z" vs "+00:00" are the same value.
/// </summary>
public static class JsonAssert
{
    public static void Equivalent(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
            return;
        }

        switch (expected)
        {
            case JsonObject eo:
                var ao = Assert.IsType<JsonObject>(actual, exactMatch: false);
                var expectedKeys = eo.Where(p => p.Value is not null).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
                var actualKeys = ao.Where(p => p.Value is not null).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
                Assert.True(expectedKeys.SequenceEqual(actualKeys), $"{path}: keys differ. expected [{string.Join(",", expectedKeys)}] got [{string.Join(",", actualKeys)}]");
                foreach (var key in expectedKeys)
                {
                    Equivalent(eo[key], ao[key], path + "." + key);
                }

                break;
            case JsonArray ea:
                var aa = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.True(ea.Count == aa.Count, $"{path}: array length {ea.Count} vs {aa.Count}");
                for (var i = 0; i < ea.Count; i++)
                {
                    Equivalent(ea[i], aa[i], $"{path}[{i}]");
                }

                break;
            default:
                var ev = expected.AsValue();
                var av = Assert.IsType<JsonValue>(actual, exactMatch: false);
                Assert.True(ScalarEquals(ev, av), $"{path}: expected {ev.ToJsonString()} got {av.ToJsonString()}");
                break;
        }
    }

    private static bool ScalarEquals(JsonValue expected, JsonValue actual)
    {
        var ek = expected.GetValueKind();
        var ak = actual.GetValueKind();
        if (ek != ak)
        {
            return false;
        }

        switch (ek)
        {
            case JsonValueKind.String:
                var es = expected.GetValue<string>();
                var @as = actual.GetValue<string>();
                if (string.Equals(es, @as, StringComparison.Ordinal))
                {
                    return true;
                }

                return es.Contains('T', StringComparison.Ordinal)
                    && DateTimeOffset.TryParse(es, CultureInfo.InvariantCulture, DateTimeStyles.None, out var ed)
                    && DateTimeOffset.TryParse(@as, CultureInfo.InvariantCulture, DateTimeStyles.None, out var ad)
                    && ed == ad && ed.Offset == ad.Offset;
            case JsonValueKind.Number:
                return decimal.Parse(expected.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                    == decimal.Parse(actual.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            default:
                return expected.ToJsonString() == actual.ToJsonString();
        }
    }
}
