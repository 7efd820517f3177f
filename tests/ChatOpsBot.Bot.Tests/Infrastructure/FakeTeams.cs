using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.Bot.Tests.Infrastructure;

/// <summary>
/// A loopback Bot Connector: the member API answers with the configured people (id → email/UPN), and every
/// send/reply/update is recorded with its card.
/// </summary>
public sealed class FakeTeams : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (string Name, string Email)> _members = new(StringComparer.Ordinal);
    private readonly List<SentActivity> _sent = [];
    private readonly Lock _gate = new();
    private readonly List<(DateTimeOffset At, string ConversationId)> _throttled = [];
    private int _nextId;
    private int _throttleNext;
    private TimeSpan _retryAfter;
    private LoopbackApp? _app;

    public Uri BaseAddress => _app!.BaseAddress;

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

    public static async Task<FakeTeams> StartAsync()
    {
        var teams = new FakeTeams();
        teams._app = await LoopbackHost.StartAsync(null, app =>
        {
            app.MapGet("/v3/conversations/{conversationId}/members/{memberId}", (string conversationId, string memberId) => teams.Member(memberId));
            app.MapPost("/v3/conversations", (HttpRequest request) => teams.CreateConversationAsync(request));
            app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest request) =>
                teams.RecordAsync("POST", conversationId, null, request));
            app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest request) =>
                teams.RecordAsync("POST", conversationId, activityId, request));
            app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest request) =>
                teams.RecordAsync("PUT", conversationId, activityId, request));
        });
        return teams;
    }

    public void AddMember(string teamsId, string name, string email) => _members[teamsId] = (name, email);

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

    /// <summary>The next <paramref name="count"/> sends, replies and updates are answered 429 with this Retry-After, as Teams throttles.</summary>
    public void ThrottleNext(int count, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            _throttleNext = count;
            _retryAfter = retryAfter;
        }
    }

    /// <summary>Waits until a recorded activity matches; fails the test after the timeout.</summary>
    public async Task<SentActivity> WaitForAsync(Func<SentActivity, bool> match, int after = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var found = Sent.Skip(after).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("No matching activity was sent to Teams. Sent: " + string.Join(" | ", Sent.Select(s => s.ToString())));
    }

    /// <summary>The next message carrying an Adaptive Card, after <paramref name="after"/> recorded activities.</summary>
    public Task<SentActivity> WaitForCardAsync(int after, string? conversationId = null) =>
        WaitForAsync(s => s.Card is not null && (conversationId is null || s.ConversationId == conversationId), after);

    public ValueTask DisposeAsync() => _app?.DisposeAsync() ?? ValueTask.CompletedTask;

    private IResult Member(string memberId)
    {
        if (!_members.TryGetValue(memberId, out var member))
        {
            return Results.Json(new { error = new { code = "MemberNotFoundInConversation", message = "The member was not found." } }, statusCode: 404);
        }

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

    /// <summary>createConversation: a 1:1 chat is the member's personal chat ("conv-" + id), as Teams returns the existing one. Recorded as CREATE.</summary>
    private async Task<IResult> CreateConversationAsync(HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body))?.AsObject() ?? new JsonObject();
        var member = body["members"]?[0]?["id"]?.GetValue<string>() ?? "unknown";
        var conversationId = "conv-" + member.Replace("29:", string.Empty, StringComparison.Ordinal);
        lock (_gate)
        {
            _sent.Add(new SentActivity("CREATE", conversationId, null, conversationId, body));
        }

        return Results.Json(new { id = conversationId });
    }

    private async Task<IResult> RecordAsync(string method, string conversationId, string? activityId, HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body) ?? new JsonObject();
        string id;
        lock (_gate)
        {
            if (_throttleNext > 0)
            {
                _throttleNext--;
                _throttled.Add((DateTimeOffset.UtcNow, conversationId));
                request.HttpContext.Response.Headers.RetryAfter = ((int)_retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Json(new { error = new { code = "Throttled", message = "Too many requests." } }, statusCode: 429);
            }

            id = method == "PUT" ? activityId! : "msg-" + Interlocked.Increment(ref _nextId);
            _sent.Add(new SentActivity(method, conversationId, activityId, id, body.AsObject()));
        }

        return Results.Json(new { id });
    }
}
