using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.ItopSandbox.Rest;

/// <summary>
/// iTop's PHP session as rest.php shows it (checked on iTop 3.2.0, PHP 8.2): every answer sets the cookie
/// <c>itop-&lt;md5 of the install folder&gt;</c> with <c>path=/</c> and nothing else, the id the request carried (any
/// id made of PHP's session characters, even unknown: no strict mode) or a new 26-character one, plus PHP's no-cache
/// headers. rest.php resets the session's login at the start of every call, so two calls of one session that overlap
/// can log each other out and one gets "Error: Invalid login". iTop refuses only some of them (a race); the sandbox
/// refuses every call that arrives while another call of its session is in flight, and a call that carries a session
/// cookie keeps its session busy for at least <see cref="ItopSandboxOptions.SessionCallDuration"/> (iTop takes tens of
/// milliseconds per call, the sandbox far less), so a client that shares a cookie between concurrent calls fails every
/// time. Calls without a cookie start a session nobody else knows and are not held.
/// </summary>
internal sealed class PhpSessions(TimeSpan sessionCallDuration)
{
    private const string IdAlphabet = "0123456789abcdefghijklmnopqrstuv"; // session.sid_bits_per_character = 5
    private const int IdLength = 26;                                       // session.sid_length
    private const int MaxIdLength = 256;

    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

    /// <summary>iTop's session cookie name: <c>session_name('itop-'.md5(APPROOT))</c>, the sandbox's folder as APPROOT.</summary>
    public string CookieName { get; } = "itop-" + Md5Hex(AppContext.BaseDirectory);

    /// <summary>
    /// Starts the session of one call: sets the cookie and no-cache headers on the answer. Dispose the result once the
    /// call is done, before its answer is written (PHP ends the session when the script ends, before the client has the
    /// answer, so a client calling again after an answer never overlaps itself).
    /// </summary>
    public SessionCall Start(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var carried = http.Request.Cookies.TryGetValue(CookieName, out var sent) && IsValidId(sent);
        var id = carried ? sent! : NewId();
        var headers = http.Response.Headers;
        headers.SetCookie = $"{CookieName}={id}; path=/";
        headers.Expires = "Thu, 19 Nov 1981 08:52:00 GMT";
        headers.CacheControl = "no-store, no-cache, must-revalidate";
        headers.Pragma = "no-cache";
        var entered = _inFlight.TryAdd(id, 0);
        return new SessionCall(this, id, entered, entered && carried ? sessionCallDuration : TimeSpan.Zero, http.RequestAborted);
    }

    private void End(string id) => _inFlight.TryRemove(id, out _);

    /// <summary>PHP's php_session_valid_key: 1 to 256 characters among a-z A-Z 0-9 , -.</summary>
    private static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is ',' or '-');

    private static string NewId() => RandomNumberGenerator.GetString(IdAlphabet, IdLength);

    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "Not security: iTop names its cookie after the MD5 of its folder.")]
    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>One call in its session. <see cref="Overlaps"/>: another call of the session was in flight.</summary>
    public sealed class SessionCall : IAsyncDisposable
    {
        private readonly PhpSessions _sessions;
        private readonly string _id;
        private readonly TimeSpan _hold;
        private readonly CancellationToken _aborted;
        private readonly long _started = Stopwatch.GetTimestamp();

        internal SessionCall(PhpSessions sessions, string id, bool entered, TimeSpan hold, CancellationToken aborted)
        {
            (_sessions, _id, _hold, _aborted) = (sessions, id, hold, aborted);
            Overlaps = !entered;
        }

        public bool Overlaps { get; }

        public async ValueTask DisposeAsync()
        {
            if (Overlaps)
            {
                return;
            }

            try
            {
                var left = _hold - Stopwatch.GetElapsedTime(_started);
                if (left > TimeSpan.Zero)
                {
                    await Task.Delay(left, _aborted).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // the client went away: the session ends now
            }
            finally
            {
                _sessions.End(_id);
            }
        }
    }
}
