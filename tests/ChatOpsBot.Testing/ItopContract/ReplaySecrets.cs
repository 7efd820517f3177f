namespace ChatOpsBot.Testing.ItopContract;

/// <summary>
/// The secrets the record redacts as <c>***</c>, for the iTop a replay talks to: each account's password and the
/// application token, and the wrong ones sent where an exchange shows a refused login.
/// </summary>
public sealed record ReplaySecrets(Func<string, string> PasswordOf, string Token)
{
    public string WrongPassword { get; init; } = "wrong-secret";

    public string WrongToken { get; init; } = "wrong-token";
}

/// <summary>Which secret of an exchange was a wrong one when it was recorded.</summary>
public enum WrongSecret
{
    None,

    /// <summary>The login itself (auth_pwd, Basic password or Auth-Token).</summary>
    Auth,

    /// <summary>The <c>password</c> member of json_data (core/check_credentials).</summary>
    Json,
}
