using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot.Identity;

/// <summary>Refuses to start without a group desk: nobody would qualify, assign or decide the requests no approver covers.</summary>
internal sealed class RolesOptionsValidator : IValidateOptions<RolesOptions>
{
    public const string NoGroupDesk =
        "Roles: no group desk is configured. Set Roles:GroupDeskEmails (the desk's people, e.g. the environment variable "
        + "Roles__GroupDeskEmails__0=<e-mail>) or Roles:GroupDeskTeams (iTop teams whose members are the desk).";

    public ValidateOptionsResult Validate(string? name, RolesOptions options) =>
        options.GroupDeskTeams.Any(t => !string.IsNullOrWhiteSpace(t)) || options.GroupDeskEmails.Any(e => !string.IsNullOrWhiteSpace(e))
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(NoGroupDesk);
}
