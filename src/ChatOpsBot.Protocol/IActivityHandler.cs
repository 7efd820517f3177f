namespace ChatOpsBot.Protocol;

/// <summary>The bot's logic, resolved from a fresh DI scope for each turn.</summary>
public interface IActivityHandler
{
    /// <summary>Every activity except invokes; runs in the background after the 202, with <see cref="BotOptions.HandlerTimeout"/>.</summary>
    Task OnActivityAsync(TurnContext turn, CancellationToken cancellationToken);

    /// <summary>Invokes, answered synchronously with the returned status and body; null means "not handled" (501).</summary>
    Task<InvokeResponse?> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken);
}
