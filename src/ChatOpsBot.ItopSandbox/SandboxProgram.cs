namespace ChatOpsBot.ItopSandbox;

/// <summary>Standalone entry point of the iTop sandbox.</summary>
public static class SandboxProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        await app.RunAsync();
    }
}
