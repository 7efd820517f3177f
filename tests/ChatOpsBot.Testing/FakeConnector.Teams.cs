using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.Testing;

/// <summary>
/// Teams as the bot sees it: the member API answers with the configured people (by Teams id, in any conversation: the
/// tests' personal chats) and with the rosters of channels and group chats (by e-mail/UPN, only in that conversation,
/// else 404 <c>MemberNotFoundInConversation</c> as Teams does); every lookup, send/reply/update is recorded.
/// </summary>
public sealed partial class FakeConnector
{
    private readonly ConcurrentDictionary<string, (string Name, string Email)> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, (string TeamsId, string AadObjectId)>> _rosters = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string ConversationId, string MemberId)> _memberLookups = new();
    private readonly List<SentActivity> _sent = [];
    private readonly List<(DateTimeOffset At, string ConversationId)> _throttled = [];
    private int _nextId;
    private int _throttleNext;
    private TimeSpan _retryAfter;
    private int _failingLookups;
    private (Func<SentActivity, bool> Match, TaskCompletionSource Release)? _hold;

    /// <summary>The activities the bot sent, replied, updated (and the 1:1 chats it created, as CREATE), in order.</summary>
    public IReadOnlyList<SentActivity> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>Every member lookup (GET …/members/{memberId}) the bot made, in order.</summary>
    public IReadOnlyList<(string ConversationId, string MemberId)> MemberLookups => [.. _memberLookups];

    /// <summary>When each send/reply/update was answered 429 (see <see cref="ThrottleNext"/>).</summary>
    public IReadOnlyList<(DateTimeOffset At, string ConversationId)> Throttled
    {
        get
        {
            lock (_gate)
            {
                return [.. _throttled];
            }
        }
    }

    public void AddMember(string teamsId, string name, string email) => _members[teamsId] = (name, email);

    /// <summary>The next <paramref name="count"/> sends, replies and updates are answered 429 with this Retry-After, as Teams throttles.</summary>
    public void ThrottleNext(int count, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            _throttleNext = count;
            _retryAfter = retryAfter;
        }
    }

    /// <summary>
    /// The first send/reply/update that matches is recorded (it shows in <see cref="Sent"/>) but answered only once the
    /// returned action is called: what the bot does meanwhile is what it does without waiting for that answer.
    /// </summary>
    public Action HoldAnswer(Func<SentActivity, bool> match)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _hold = (match, release);
        }

        return () => release.TrySetResult();
    }

    /// <summary>The next <paramref name="count"/> roster lookups (by e-mail/UPN) answer 503, as a Connector outage would.</summary>
    public void FailNextMemberLookups(int count) => Interlocked.Exchange(ref _failingLookups, count);

    /// <summary>
    /// Puts a user in the roster of a channel (its team) or group chat: the member API finds them there by
    /// <paramref name="address"/> (default: their e-mail). Returns their Entra object id.
    /// </summary>
    public string AddToRoster(string conversationId, TestUser user, string? address = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        AddMember(user.TeamsId, user.Name, user.Email);
        var aadObjectId = Guid.NewGuid().ToString();
        _rosters.GetOrAdd(conversationId, _ => new(StringComparer.OrdinalIgnoreCase))[address ?? user.Email] = (user.TeamsId, aadObjectId);
        return aadObjectId;
    }

    /// <summary>Waits until a recorded activity matches (woken by each new one); fails the test after the timeout.</summary>
    public async Task<SentActivity> WaitForAsync(Func<SentActivity, bool> match, int after = 0, TimeSpan? timeout = null)
    {
        SentActivity? found = null;
        try
        {
            await WaitUntilAsync(() => (found = Sent.Skip(after).FirstOrDefault(match)) is not null, timeout ?? TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            return found!;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("No matching activity was sent to Teams. Sent: " + string.Join(" | ", Sent.Select(s => s.ToString())));
        }
    }

    /// <summary>The next message carrying an Adaptive Card, after <paramref name="after"/> recorded activities.</summary>
    public Task<SentActivity> WaitForCardAsync(int after, string? conversationId = null) =>
        WaitForAsync(s => s.Card is not null && (conversationId is null || s.ConversationId == conversationId), after);

    /// <summary>The Connector's routes (…/v3/conversations…, after any path prefix); anything else is 404.</summary>
    private async Task AnswerAsTeamsAsync(HttpContext context, RecordedRequest request)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var at = path.IndexOf("/v3/conversations", StringComparison.Ordinal);
        var segments = at < 0 ? [] : path[(at + "/v3/conversations".Length)..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = context.Request.Method;
        IResult result = (method, segments) switch
        {
            ("GET", [var conversation, "members", var member]) => Member(conversation, member),
            ("POST", []) => CreateConversation(request.Body),
            ("POST", [var conversation, "activities"]) => await RecordAsync("POST", conversation, null, request.Body, context).ConfigureAwait(false),
            ("POST", [var conversation, "activities", var activity]) => await RecordAsync("POST", conversation, activity, request.Body, context).ConfigureAwait(false),
            ("PUT", [var conversation, "activities", var activity]) => await RecordAsync("PUT", conversation, activity, request.Body, context).ConfigureAwait(false),
            _ => Results.NotFound(),
        };
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private IResult Member(string conversationId, string memberId)
    {
        _memberLookups.Enqueue((conversationId, memberId));
        if (_members.TryGetValue(memberId, out var member))
        {
            return Results.Json(new
            {
                id = memberId,
                name = member.Name,
                email = member.Email,
                userPrincipalName = member.Email,
                tenantId = "tenant-1",
                userRole = "user",
            });
        }

        if (Volatile.Read(ref _failingLookups) > 0 && Interlocked.Decrement(ref _failingLookups) >= 0)
        {
            return Results.Json(new { error = new { code = "ServiceUnavailable", message = "The service is unavailable." } }, statusCode: 503);
        }

        if (_rosters.TryGetValue(conversationId.Split(';')[0], out var roster) && roster.TryGetValue(memberId, out var entry)
            && _members.TryGetValue(entry.TeamsId, out var listed))
        {
            return Results.Json(new
            {
                id = entry.TeamsId,
                name = listed.Name,
                aadObjectId = entry.AadObjectId,
                email = listed.Email,
                userPrincipalName = memberId,
                tenantId = "tenant-1",
                userRole = "user",
            });
        }

        return Results.Json(new { error = new { code = "MemberNotFoundInConversation", message = "Member not found in conversation" } }, statusCode: 404);
    }

    /// <summary>createConversation: a 1:1 chat is the member's personal chat ("conv-" + id), as Teams returns the existing one. Recorded as CREATE.</summary>
    private IResult CreateConversation(string requestBody)
    {
        var body = (JsonNode.Parse(requestBody.Length == 0 ? "{}" : requestBody) as JsonObject) ?? new JsonObject();
        var member = body["members"]?[0]?["id"]?.GetValue<string>() ?? "unknown";
        var conversationId = "conv-" + member.Replace("29:", string.Empty, StringComparison.Ordinal);
        lock (_gate)
        {
            _sent.Add(new SentActivity("CREATE", conversationId, null, conversationId, body));
        }

        Changed();
        return Results.Json(new { id = conversationId });
    }

    private async Task<IResult> RecordAsync(string method, string conversationId, string? activityId, string requestBody, HttpContext context)
    {
        var body = (JsonNode.Parse(requestBody.Length == 0 ? "{}" : requestBody) as JsonObject) ?? new JsonObject();
        string id;
        Task? held = null;
        lock (_gate)
        {
            if (_throttleNext > 0)
            {
                _throttleNext--;
                _throttled.Add((DateTimeOffset.UtcNow, conversationId));
                context.Response.Headers.RetryAfter = ((int)_retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return Results.Json(new { error = new { code = "Throttled", message = "Too many requests." } }, statusCode: 429);
            }

            id = method == "PUT" ? activityId! : "msg-" + Interlocked.Increment(ref _nextId);
            var sent = new SentActivity(method, conversationId, activityId, id, body);
            _sent.Add(sent);
            if (_hold is { } hold && hold.Match(sent))
            {
                _hold = null;
                held = hold.Release.Task;
            }
        }

        Changed();
        if (held is not null)
        {
            await held.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        }

        return Results.Json(new { id });
    }
}
