namespace ChatOpsBot.Bot.Recovery;

/// <summary>Finishes one kind of <see cref="UnfinishedWork"/> in the background (after a crash, or once iTop is back).</summary>
public interface IWorkFinisher
{
    /// <summary><see cref="UnfinishedWork.Drafts"/> or <see cref="UnfinishedWork.Approvals"/>.</summary>
    string Kind { get; }

    /// <summary>Does what is left if nobody alive is doing it and its retry is due; clears the index entry once nothing is left.</summary>
    Task FinishAsync(string id, CancellationToken cancellationToken);
}
