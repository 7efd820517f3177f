using System.Diagnostics.CodeAnalysis;
using ChatOpsBot.Protocol.Proactive;

namespace ChatOpsBot.Bot.Chats;

/// <summary>A conversation reference as the bot keeps it: the Teams facts, and the iTop Person a personal chat's user was identified as.</summary>
public sealed record LinkedReference : ConversationReference
{
    public LinkedReference()
    {
    }

    [SetsRequiredMembers]
    public LinkedReference(ConversationReference reference, int? personId)
        : base(reference)
    {
        PersonId = personId;
    }

    /// <summary>Personal scope: the iTop Person id, once the user was identified.</summary>
    public int? PersonId { get; init; }
}
