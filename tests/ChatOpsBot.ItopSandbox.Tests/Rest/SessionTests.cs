using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox.Tests.Infrastructure;
using ChatOpsBot.Testing.ItopContract;
using Xunit;
using Xunit.Abstractions;

namespace ChatOpsBot.ItopSandbox.Tests.Rest;

/// <summary>
/// iTop's PHP session on rest.php (as curl shows it on iTop 3.2.0): a cookie <c>itop-&lt;md5&gt;=&lt;26 chars&gt;; path=/</c>
/// on every answer, and a call overlapping another call of its session refused with "Error: Invalid login".
/// </summary>
public sealed class SessionTests(ITestOutputHelper output) : SandboxTestBase
{
    private const string Refused = ItopSession.InvalidLogin;
    private const string GetLyon = """{"operation":"core/get","class":"Organization","key":3,"output_fields":"name"}""";

    [Fact]
    public async Task Every_answer_sets_a_php_session_cookie_like_itop()
    {
        using var http = CookielessClient();
        using var first = await SendAsync(http, null);
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        var match = ItopSession.SetCookie().Match(cookie);
        Assert.True(match.Success, cookie);
        Assert.Equal("no-store, no-cache, must-revalidate", first.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Equal("no-cache", first.Headers.NonValidated["Pragma"].ToString());
        Assert.Equal("Thu, 19 Nov 1981 08:52:00 GMT", first.Content.Headers.GetValues("Expires").Single());
        var (name, id) = (match.Groups["name"].Value, match.Groups["id"].Value);

        // The id sent comes back (PHP without strict mode keeps even an id it never issued); an invalid one is replaced.
        using var again = await SendAsync(http, $"{name}={id}");
        Assert.Equal($"{name}={id}; path=/", again.Headers.GetValues("Set-Cookie").Single());
        using var unknown = await SendAsync(http, $"{name}=made-up-id");
        Assert.Equal($"{name}=made-up-id; path=/", unknown.Headers.GetValues("Set-Cookie").Single());
        using var invalid = await SendAsync(http, $"{name}=bad$id");
        Assert.DoesNotContain("bad$id", invalid.Headers.GetValues("Set-Cookie").Single(), StringComparison.Ordinal);

        using var other = await SendAsync(http, null);
        Assert.NotEqual(id, ItopSession.SetCookie().Match(other.Headers.GetValues("Set-Cookie").Single()).Groups["id"].Value);
        Assert.Equal(0, (await ReadAsync(other))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_call_arriving_while_its_session_has_a_call_in_flight_is_refused()
    {
        using var http = CookielessClient();
        using var start = await SendAsync(http, null);
        var cookie = start.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        // The first call is in flight as long as its body has not all arrived.
        var body = new HeldContent("json_data=" + Uri.EscapeDataString(GetLyon));
        using var held = new HttpRequestMessage(HttpMethod.Post, "webservices/rest.php?version=1.4") { Content = body };
        held.Headers.Add("Auth-Token", "sandbox-token");
        held.Headers.Add("Cookie", cookie);
        var first = http.SendAsync(held);
        await body.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Until the held call's headers have reached the sandbox its session is free: wait for the first refusal.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string answer;
        do
        {
            using var probe = await SendAsync(http, cookie);
            answer = await probe.Content.ReadAsStringAsync();
        }
        while (answer != Refused && DateTime.UtcNow < deadline);
        Assert.Equal(Refused, answer);
        for (var i = 0; i < 5; i++)
        {
            using var overlapping = await SendAsync(http, cookie);
            Assert.Equal(Refused, await overlapping.Content.ReadAsStringAsync());
        }

        using var otherSession = await SendAsync(http, null);
        Assert.Equal(0, (await ReadAsync(otherSession))["code"]!.GetValue<int>());

        body.Release.SetResult();
        using var firstAnswer = await first;
        Assert.Equal("Found: 1", (await ReadAsync(firstAnswer))["message"]!.GetValue<string>());

        // Once the first call is answered the session is free again: calls one after the other are never refused.
        for (var i = 0; i < 20; i++)
        {
            using var next = await SendAsync(http, cookie);
            Assert.Equal(0, (await ReadAsync(next))["code"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task A_client_sharing_its_cookies_between_concurrent_calls_gets_refusals()
    {
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        // Calls overlap by chance (each holds its session 10 ms): on a loaded machine a batch of 200 may run one at a time,
        // so batches go on until one overlap is refused (the deterministic overlap is the held-call test above).
        var answers = new List<string>();
        for (var batch = 0; batch < 10 && !answers.Contains(Refused); batch++)
        {
            var fired = await FireAsync(http, calls: 200, concurrency: 8);
            Assert.Equal(200, fired.Count);
            answers.AddRange(fired);
        }

        output.WriteLine($"{answers.Count(a => a == Refused)} of {answers.Count} refused");
        Assert.All(answers, a => Assert.True(a == Refused || a.StartsWith("""{"code":0,"message":"Found: 1""", StringComparison.Ordinal), a));
        Assert.Contains(Refused, answers);
    }

    [Fact]
    public async Task A_client_without_cookies_is_never_refused()
    {
        using var http = CookielessClient();
        var answers = await FireAsync(http, calls: 200, concurrency: 8);
        Assert.Equal(200, answers.Count(a => a.StartsWith("""{"code":0,"message":"Found: 1""", StringComparison.Ordinal)));
    }

    /// <summary>A client that sends the cookies it is told to send, and no other.</summary>
    private HttpClient CookielessClient() =>
        new(new HttpClientHandler { UseCookies = false }) { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<List<string>> FireAsync(HttpClient http, int calls, int concurrency)
    {
        var answers = new List<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, calls), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, ct) =>
        {
            using var request = Request(null);
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            lock (answers)
            {
                answers.Add(text);
            }
        });
        return answers;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string? cookie)
    {
        using var request = Request(cookie);
        return await http.SendAsync(request);
    }

    private static HttpRequestMessage Request(string? cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "webservices/rest.php?version=1.4")
        {
            Content = new FormUrlEncodedContent([new("json_data", GetLyon)]),
        };
        request.Headers.Add("Auth-Token", "sandbox-token");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return request;
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>A form body that sends its first byte, then waits for <see cref="Release"/> before the rest.</summary>
    private sealed class HeldContent : HttpContent
    {
        private readonly byte[] _bytes;

        public HeldContent(string form)
        {
            _bytes = Encoding.ASCII.GetBytes(form);
            Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_bytes.AsMemory(0, 1));
            await stream.FlushAsync();
            Started.SetResult();
            await Release.Task;
            await stream.WriteAsync(_bytes.AsMemory(1));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
