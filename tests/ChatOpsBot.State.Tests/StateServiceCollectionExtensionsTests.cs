using ChatOpsBot.State.Postgres;
using ChatOpsBot.State.Sqlite;
using ChatOpsBot.State.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ChatOpsBot.State.Tests;

public sealed class StateServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public void Without_configuration_the_provider_is_sqlite_on_the_default_file()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<StateOptions>>().Value;

        Assert.Equal(StateProvider.Sqlite, options.Provider);
        Assert.Equal("Data Source=data/chatopsbot.db", options.ResolveConnectionString());
        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<SqliteStateStore>(services.GetRequiredService<IStateStore>());
        Assert.IsType<SqliteLeaseManager>(services.GetRequiredService<ILeaseManager>());
        Assert.Same(services.GetRequiredService<IStateStore>(), services.GetRequiredService<IStateStore>());
    }

    [Fact]
    public async Task The_sqlite_store_and_leases_work_through_the_container_on_the_registered_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var file = _folder.File("bot.db");
        using var services = Build(new() { ["State:ConnectionString"] = $"Data Source={file}" }, time);

        var store = services.GetRequiredService<IStateStore>();
        var entry = await store.PutAsync("k", "v", null, TimeSpan.FromMinutes(1));
        var lease = await services.GetRequiredService<ILeaseManager>().TryAcquireAsync("poller", TimeSpan.FromSeconds(30));

        Assert.Equal(time.GetUtcNow().AddMinutes(1), entry!.ExpiresAt);
        Assert.Equal(LeaseHolderId.Current, lease!.HolderId);
        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task The_state_health_check_is_healthy_on_a_usable_file_and_tagged_ready()
    {
        using var services = Build(new() { ["State:ConnectionString"] = $"Data Source={_folder.File("bot.db")}" });

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));

        Assert.Equal(HealthStatus.Healthy, report.Entries["state"].Status);
    }

    [Fact]
    public async Task The_state_health_check_is_unhealthy_when_the_sqlite_file_cannot_be_created()
    {
        var blocker = _folder.File("blocker");
        await File.WriteAllTextAsync(blocker, "a file, not a folder");
        using var services = Build(new() { ["State:ConnectionString"] = $"Data Source={Path.Combine(blocker, "bot.db")}" });

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["state"].Status);
    }

    [Fact]
    public async Task The_state_health_check_is_unhealthy_when_postgres_is_unreachable_and_does_not_leak_the_password()
    {
        using var services = Build(new()
        {
            ["State:Provider"] = "Postgres",
            ["State:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=bot;Password=s3cr3t-value;Timeout=3",
        });

        Assert.IsType<PostgresStateStore>(services.GetRequiredService<IStateStore>());
        Assert.IsType<PostgresLeaseManager>(services.GetRequiredService<ILeaseManager>());
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["state"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.DoesNotContain("s3cr3t-value", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_at_start()
    {
        using var services = Build(new() { ["State:Provider"] = "Postgres" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("State:ConnectionString is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Postgres", "Host=127.0.0.1;Password=s3cr3t-value;NoSuchKeyword=1")]
    [InlineData("Postgres", "Password=s3cr3t-value;Username=bot")]
    [InlineData("Sqlite", "Data Source=x.db;Password=s3cr3t-value;NoSuchKeyword=1")]
    [InlineData("Sqlite", "Mode=ReadWrite;Password=s3cr3t-value")]
    public void An_invalid_connection_string_is_refused_at_start_without_echoing_it(string provider, string connectionString)
    {
        using var services = Build(new() { ["State:Provider"] = provider, ["State:ConnectionString"] = connectionString });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("State:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_is_refused_at_start()
    {
        using var services = Build(new() { ["State:Provider"] = "Mongo" });

        Assert.ThrowsAny<InvalidOperationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void Provider_names_bind_case_insensitively_and_from_env_var_form()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["State:Provider"] = "postgres", ["State:ConnectionString"] = "Host=127.0.0.1" })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddStateStore(configuration).BuildServiceProvider();

        Assert.Equal(StateProvider.Postgres, services.GetRequiredService<IOptions<StateOptions>>().Value.Provider);
        services.GetRequiredService<IStartupValidator>().Validate();
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        return services.AddStateStore(configuration).BuildServiceProvider();
    }
}
