using ChatOpsBot.Protocol;

namespace ChatOpsBot.Bot.Turns;

/// <summary>Shows "typing…" while a slow iTop call runs: first after a short delay, then every few seconds.</summary>
public sealed class TypingIndicator(TimeProvider time)
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    public async Task<T> WhileAsync<T>(TurnContext turn, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(work);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = KeepTypingAsync(turn, stop.Token);
        try
        {
            return await work(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await typing.ConfigureAwait(false);
        }
    }

    private async Task KeepTypingAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(FirstDelay, time, cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                await turn.SendTypingAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(Interval, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The work finished.
        }
#pragma warning disable CA1031 // The indicator is cosmetic: a failed typing activity must not fail the turn.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
