namespace ChatOpsBot.Bot.Identity;

/// <summary>A known user, or the address under which nobody was found in iTop.</summary>
public sealed record IdentityResult(BotUser? User, string? UnknownEmail)
{
    public static IdentityResult Known(BotUser user) => new(user, null);

    public static IdentityResult Unknown(string? email) => new(null, email);
}
