namespace ChatOpsBot.Bot.Approvals;

public sealed record StoredApproval(ApprovalRecord Record, string ETag);
