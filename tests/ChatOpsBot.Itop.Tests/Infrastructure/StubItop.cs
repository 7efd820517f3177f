using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Itop.Tests.Infrastructure;

/// <summary>A loopback Kestrel (127.0.0.1:0) standing in for rest.php; it records every request and answers from a route function.</summary>
internal sealed class StubItop : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<RecordedRequest> _requests = [];

    private StubItop(WebApplication app, Func<RecordedRequest, StubReply> handler)
    {
        _app = app;
        Handler = handler;
    }

    public Func<RecordedRequest, StubReply> Handler { get; set; }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public void Clear()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    public static async Task<StubItop> StartAsync(Func<RecordedRequest, StubReply> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new StubItop(app, handler);
        app.Map("/webservices/rest.php", stub.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub.BaseAddress = new Uri(address + "/");
        return stub;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync()).ToDictionary(p => p.Key, p => p.Value.ToString())
            : [];
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        JsonObject? json = null;
        if (form.TryGetValue("json_data", out var raw))
        {
            json = JsonNode.Parse(raw) as JsonObject;
        }

        var request = new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "",
            context.Request.ContentType ?? "", form, headers, json);
        lock (_requests)
        {
            _requests.Add(request);
        }

        var reply = Handler(request);
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, context.RequestAborted);
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body);
    }
}

internal sealed record RecordedRequest(string Method, string Path, string Query, string ContentType,
    IReadOnlyDictionary<string, string> Form, IReadOnlyDictionary<string, string> Headers, JsonObject? JsonData)
{
    public string Operation => JsonData?["operation"]?.GetValue<string>() ?? "";

    public string Class => JsonData?["class"]?.GetValue<string>() ?? "";

    public bool IsWrite => Operation is "core/create" or "core/update" or "core/apply_stimulus" or "core/delete";
}

internal sealed record StubReply(int Status, string Body, TimeSpan Delay = default)
{
    public static StubReply Ok(string body) => new(200, body);
}
