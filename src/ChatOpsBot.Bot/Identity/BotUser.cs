using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.People;
using ChatOpsBot.Tickets.Rights;

namespace ChatOpsBot.Bot.Identity;

/// <summary>The Teams user of a turn, mapped to their iTop Person, with their roles.</summary>
public sealed record BotUser(string TeamsUserId, string Email, Person Person, UserRoles Roles)
{
    /// <summary>The actor every iTop write names.</summary>
    public Actor Actor => new(Person.Id, Person.FullName);
}
