namespace ChatOpsBot.Protocol.Authentication;

/// <summary>Outcome of validating the Authorization header (before the body is looked at).</summary>
internal sealed record InboundAuthResult(
    bool Succeeded,
    TokenFamily Family,
    IReadOnlyCollection<string>? Endorsements,
    string? ServiceUrlClaim,
    string? Failure)
{
    public static InboundAuthResult Fail(string reason) => new(false, TokenFamily.None, null, null, reason);
}
