using System.Text.Json.Nodes;

namespace ChatOpsBot.ItopSandbox.Model;

/// <summary>tto / ttr / cumulatedpending: seconds spent in the states where each stopwatch runs (integers in REST output, 145).</summary>
internal static class Stopwatch
{
    private static long Number(JsonNode? node) =>
        node is null ? 0 : long.Parse(node.ToJsonString().Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

    public static void Start(JsonObject ticket, string state, ItopClock clock)
    {
        foreach (var (code, states) in Lifecycle.Stopwatches)
        {
            if (states.Contains(state))
            {
                ticket["_" + code + "_since"] = clock.UtcNow.ToUnixTimeSeconds();
            }
        }
    }

    public static void Transition(JsonObject ticket, string from, string to, ItopClock clock)
    {
        var now = clock.UtcNow.ToUnixTimeSeconds();
        foreach (var (code, states) in Lifecycle.Stopwatches)
        {
            var wasRunning = states.Contains(from);
            var runs = states.Contains(to);
            if (wasRunning && !runs && ticket["_" + code + "_since"] is JsonValue since)
            {
                ticket[code] = Number(ticket[code]) + (now - Number(since));
                ticket.Remove("_" + code + "_since");
            }
            else if (!wasRunning && runs)
            {
                ticket["_" + code + "_since"] = now;
            }
        }
    }
}
