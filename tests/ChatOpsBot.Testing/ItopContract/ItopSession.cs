using System.Text.RegularExpressions;

namespace ChatOpsBot.Testing.ItopContract;

/// <summary>What iTop 3.2's rest.php answers about sessions, as curl shows it (the sandbox imitates it).</summary>
public static partial class ItopSession
{
    /// <summary>The answer to a refused login, and to a call logged out by another call of its session.</summary>
    public const string InvalidLogin = """{"code":1,"message":"Error: Invalid login"}""";

    /// <summary>The Set-Cookie of every answer: <c>session_name('itop-'.md5(APPROOT))</c>, a PHP id of 26 characters, path=/.</summary>
    [GeneratedRegex("^(?<name>itop-[0-9a-f]{32})=(?<id>[0-9a-v]{26}); path=/$")]
    public static partial Regex SetCookie();
}
