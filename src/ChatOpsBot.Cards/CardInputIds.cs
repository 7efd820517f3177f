namespace ChatOpsBot.Cards;

/// <summary>Ids of the cards' inputs: the keys of the values Teams merges into the action data.</summary>
public static class CardInputIds
{
    public const string Brique = "brique";
    public const string Service = "service";
    public const string SubService = "subService";
    public const string Title = "title";
    public const string Description = "description";
    public const string OnBehalfOf = "onBehalfOf";
    public const string SchoolReference = "schoolReference";
    public const string UserWords = "userWords";
    public const string TicketType = "ticketType";
    public const string Urgency = "urgency";
    public const string NeedsApproval = "needsApproval";

    public const string AssignTeam = "assignTeam";
    public const string AssignAgent = "assignAgent";
    public const string AssignTicketType = "assignTicketType";
    public const string PendingReason = "pendingReason";
    public const string ReassignAgent = "reassignAgent";
    public const string ReassignNote = "reassignNote";
    public const string ResolveService = "resolveService";
    public const string ResolveSubService = "resolveSubService";
    public const string ResolveSolution = "resolveSolution";
    public const string ReopenReason = "reopenReason";
    public const string CommentText = "commentText";
    public const string CommentPublic = "commentPublic";

    public const string ApproveComment = "approveComment";
    public const string RejectComment = "rejectComment";
    public const string HandOffApprover = "handOffApprover";
    public const string HandOffComment = "handOffComment";

    /// <summary>Notice preferences: one toggle per kind, <c>notice.{kind}</c>.</summary>
    public const string NoticePrefix = "notice.";
}
