using System.Diagnostics;
using Activity = ChatOpsBot.Protocol.Schema.Activity;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Conversation;

/// <summary>
/// The console's story of a conversation: one line per turn, at Information, saying who did what, where, how it ended
/// and how long it took. Activities the bot ignores are written at Debug. No message text is written.
/// </summary>
internal sealed partial class TurnLine(ILogger logger, Activity activity)
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public string What { get; set; } = activity.Type ?? "activity";

    public string Outcome { get; set; } = "done";

    public bool Ignored { get; set; }

    /// <summary>Runs the turn, noting a failure or a cancellation as its outcome; the exception goes on.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        try
        {
            return await turn().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Outcome = "cancelled";
            throw;
        }
        catch (Exception ex)
        {
            Outcome = "failed: " + ex.GetType().Name;
            throw;
        }
        finally
        {
            Write();
        }
    }

    private void Write()
    {
        var elapsed = (long)Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
        // Teams leaves the name out of some activities (an install): the start of the user id says who it was.
        var who = activity.From?.Name is { Length: > 0 } name ? name
            : activity.From?.Id is { Length: > 0 } id ? "user " + (id.Length > 16 ? id[..16] + "…" : id)
            : "?";
        var where = activity.Conversation?.ConversationType ?? "conversation";
        if (Ignored)
        {
            IgnoredTurn(logger, who, What, where, elapsed);
        }
        else
        {
            Turn(logger, who, What, where, Outcome, elapsed);
        }
    }

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "Turn: {Who}, {What} in {Where}: {Outcome} ({ElapsedMs} ms)")]
    private static partial void Turn(ILogger logger, string who, string what, string where, string outcome, long elapsedMs);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Debug, Message = "Turn: {Who}, {What} in {Where}: ignored ({ElapsedMs} ms)")]
    private static partial void IgnoredTurn(ILogger logger, string who, string what, string where, long elapsedMs);
}
