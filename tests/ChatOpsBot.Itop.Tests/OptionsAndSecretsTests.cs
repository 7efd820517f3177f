using System.Collections.Concurrent;
using ChatOpsBot.Itop.Errors;
using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace ChatOpsBot.Itop.Tests;

public sealed class OptionsAndSecretsTests
{
    [Fact]
    public void Options_are_bound_from_the_Itop_section_with_defaults()
    {
        using var sp = DeskFactory.Build(new Uri("http://127.0.0.1:9/"), settings: new Dictionary<string, string?> { ["Itop:CacheTtl"] = "00:01:00" });
        var o = sp.GetRequiredService<IOptions<ItopOptions>>().Value;
        Assert.Equal(("1.4", " via Teams", TimeSpan.FromMinutes(1)), (o.Version, o.CommentSuffix, o.CacheTtl));
        Assert.DoesNotContain("stub-token", o.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_base_url_or_credentials_fail_validation_but_values_set_in_code_are_accepted()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Itop:BaseUrl"] = "" }).Build();
        var services = new ServiceCollection().AddLogging().AddItopTicketDesk(config);
        using (var sp = services.BuildServiceProvider())
        {
            var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<ItopOptions>>().Value);
            Assert.Contains(ex.Failures, f => f.Contains("BaseUrl", StringComparison.Ordinal));
            Assert.Contains(ex.Failures, f => f.Contains("Token", StringComparison.Ordinal));
        }

        services.PostConfigure<ItopOptions>(o =>
        {
            o.BaseUrl = "http://127.0.0.1:8088/";
            o.Token = "sandbox-token";
        });
        using var configured = services.BuildServiceProvider();
        Assert.Equal("http://127.0.0.1:8088/", configured.GetRequiredService<IOptions<ItopOptions>>().Value.BaseUrl);
        Assert.NotNull(configured.GetRequiredService<ITicketDesk>());
    }

    [Fact]
    public async Task Secrets_never_reach_the_logs()
    {
        var sink = new ListLoggerProvider();
        await using var stub = await StubItop.StartAsync(r => r.Operation == "core/get" ? StubReply.Ok(Corpus.Body("006")) : new StubReply(503, ""));
        await using var sp = DeskFactory.Build(stub.BaseAddress, o => o.ReadRetries = 0,
            settings: new Dictionary<string, string?> { ["Itop:Token"] = "t0ken-s3cret", ["Itop:Password"] = "pw-s3cret", ["Itop:User"] = "teams-bot" },
            extra: s => s.AddLogging(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace)));
        var desk = sp.GetRequiredService<ITicketDesk>();
        await Assert.ThrowsAsync<ItopUnauthorizedException>(() => desk.GetTicketAsync(2, default));
        await Assert.ThrowsAsync<ItopUnavailableException>(() => sp.GetRequiredService<ChatOpsBot.Itop.Rest.ItopClient>().UpdateAsync("UserRequest", 2, [], "Hamid Le Fleurier via Teams", "ref", default));

        Assert.NotEmpty(sink.Lines);
        Assert.DoesNotContain(sink.Lines, l => l.Contains("s3cret", StringComparison.Ordinal));
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new ListLogger(this);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ListLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}
