using System.Text.Json.Nodes;
using ChatOpsBot.Testing.ItopContract;

namespace ChatOpsBot.Itop.Tests.RealItop;

/// <summary>
/// Keeps the recording's second boundaries between two writes of one ticket. iTop records a change of a date field
/// only when the value differs, and dates have one-second precision: a ticket resolved again in the second it was
/// last resolved keeps its resolution_date and time_spent, so its history holds two entries fewer than the
/// recording's (exchanges 132 then 155, 156, 158). When the recorded writes of a ticket fall in different seconds,
/// the replay of the second write waits for a second later than the one its predecessor was replayed in.
/// </summary>
internal sealed class TicketWriteSeconds(TimeProvider clock)
{
    private static readonly HashSet<string> Writes = new(StringComparer.Ordinal) { "core/apply_stimulus", "core/update" };

    private readonly Dictionary<string, (string Recorded, long Replayed)> last = new(StringComparer.Ordinal);

    /// <summary>Waits, when needed, until the clock has left the second the ticket's previous write was replayed in.</summary>
    public async Task BeforeAsync(CorpusExchange exchange)
    {
        if (WrittenTicket(exchange) is not { } write || !last.TryGetValue(write.Key, out var previous) || previous.Recorded == write.Recorded)
        {
            return;
        }

        var wait = DateTimeOffset.FromUnixTimeSeconds(previous.Replayed + 1) - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait + TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Notes the second the exchange's write was replayed in.</summary>
    public void After(CorpusExchange exchange)
    {
        if (WrittenTicket(exchange) is { } write)
        {
            last[write.Key] = (write.Recorded, clock.GetUtcNow().ToUnixTimeSeconds());
        }
    }

    /// <summary>The ticket a successful recorded write changed, with the last_update its answer showed.</summary>
    private static (string Key, string Recorded)? WrittenTicket(CorpusExchange exchange)
    {
        var data = exchange.Request["json_data"] as JsonObject;
        if (data?["operation"]?.GetValue<string>() is not { } operation || !Writes.Contains(operation)
            || exchange.ExpectedBody["objects"] is not JsonObject objects)
        {
            return null;
        }

        foreach (var (key, ticket) in objects)
        {
            if (ticket?["fields"]?["last_update"]?.GetValue<string>() is { Length: > 0 } recorded)
            {
                return (key, recorded);
            }
        }

        return null;
    }
}
