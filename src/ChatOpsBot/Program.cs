using ChatOpsBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
var sandbox = await EmbeddedItop.StartIfNotConfiguredAsync(builder.Configuration);
builder.AddChatOpsBot();

var app = builder.Build();
app.UseEmbeddedItop(sandbox);
app.MapChatOpsBot();
await app.RunAsync();

/// <summary>Entry point marker for WebApplicationFactory and the benchmarks.</summary>
public partial class Program;
