namespace ChatOpsBot.ItopSandbox.Tests.Scopes;

/// <summary>An iTop the recorded exchanges are sent to, with the secrets of its accounts (never written to a recording).</summary>
internal sealed class ItopTarget(Uri baseAddress, string token, Func<string, string> passwordOf)
{
    /// <summary>The application-token account: its exchanges carry the Auth-Token header instead of a password.</summary>
    public const string TokenLogin = "teams-bot-token";

    public Uri BaseAddress { get; } = baseAddress;

    public string Token { get; } = token;

    public string PasswordOf(string login) => passwordOf(login);

    /// <summary>The sandbox: every password is <c>sandbox</c>, the token <c>sandbox-token</c> (its README).</summary>
    public static ItopTarget Sandbox(Uri baseAddress) => new(baseAddress, "sandbox-token", _ => "sandbox");

    /// <summary>
    /// The real iTop of ITOP_TEST_URL / ITOP_TEST_TOKEN, with the documented throw-away passwords of the shared kit's
    /// accounts (../shared/itop/README.md); ITOP_TEST_PASSWORD overrides teams-bot's. Null when not configured.
    /// </summary>
    public static ItopTarget? RealFromEnvironment()
    {
        var url = Environment.GetEnvironmentVariable("ITOP_TEST_URL");
        var token = Environment.GetEnvironmentVariable("ITOP_TEST_TOKEN");
        if (string.IsNullOrEmpty(url) || string.IsNullOrEmpty(token))
        {
            return null;
        }

        var botPassword = Environment.GetEnvironmentVariable("ITOP_TEST_PASSWORD") is { Length: > 0 } p ? p : "TeamsBot#2024";
        return new ItopTarget(new Uri(url.TrimEnd('/') + "/"), token, login => login switch
        {
            "teams-bot" => botPassword,
            "rest-admin" => "RestAdmin#2024",
            _ when login.StartsWith("support-insa-", StringComparison.Ordinal) => "SupportInsa#2024",
            _ => throw new ArgumentException($"No kit password known for '{login}'", nameof(login)),
        });
    }
}
