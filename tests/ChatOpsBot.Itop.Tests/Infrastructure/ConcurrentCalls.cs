using System.Text.Json.Nodes;
using ChatOpsBot.Itop.Errors;
using ChatOpsBot.Itop.Rest;

namespace ChatOpsBot.Itop.Tests.Infrastructure;

/// <summary>Fires the same read (INSA Lyon, core/get) many times, a few at a time, through the project's own client.</summary>
internal static class ConcurrentCalls
{
    public sealed record Outcome(int Succeeded, int Refused, IReadOnlyList<string> Failures);

    public static async Task<Outcome> FireAsync(ItopClient client, int calls, int concurrency)
    {
        int succeeded = 0, refused = 0;
        var failures = new List<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, calls), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, ct) =>
        {
            try
            {
                var envelope = await client.GetAsync("Organization", JsonValue.Create(3), "name", null, null, ct);
                if (envelope.Objects.Count == 1)
                {
                    Interlocked.Increment(ref succeeded);
                }
                else
                {
                    lock (failures)
                    {
                        failures.Add($"{envelope.Objects.Count} objects");
                    }
                }
            }
            catch (ItopUnauthorizedException)
            {
                Interlocked.Increment(ref refused);
            }
            catch (ItopException e)
            {
                lock (failures)
                {
                    failures.Add(e.GetType().Name + ": " + e.Message);
                }
            }
        });
        return new Outcome(succeeded, refused, failures);
    }
}
