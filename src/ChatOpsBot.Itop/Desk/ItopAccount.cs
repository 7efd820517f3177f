using Microsoft.Extensions.Options;

namespace ChatOpsBot.Itop.Desk;

/// <summary>
/// The iTop account the bot writes as, known by the login iTop puts on the case-log entries it appends: configured
/// (<see cref="ItopOptions.AccountLogin"/>) or learned from the bot's own appends. An actor line is believed only in an
/// entry of that login: the same bold line typed or pasted in the console by an iTop user names that user.
/// </summary>
public sealed class ItopAccount(IOptions<ItopOptions> options)
{
    private string? _learned;

    /// <summary>The account's login, when known.</summary>
    public string? Login => options.Value.AccountLogin is { Length: > 0 } configured ? configured : Volatile.Read(ref _learned);

    /// <summary>Records the login of an entry the bot has just appended.</summary>
    public void Learn(string userLogin)
    {
        if (!string.IsNullOrEmpty(userLogin))
        {
            Volatile.Write(ref _learned, userLogin);
        }
    }

    /// <summary>True when an entry under <paramref name="userLogin"/> may be the bot's (always, while the login is unknown).</summary>
    public bool MayHaveWritten(string userLogin) => Login is not { } login || string.Equals(login, userLogin, StringComparison.Ordinal);
}
