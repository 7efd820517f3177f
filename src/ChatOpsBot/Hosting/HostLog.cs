namespace ChatOpsBot.Hosting;

internal static partial class HostLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "No Itop:BaseUrl configured: using the embedded iTop sandbox at {BaseAddress} (development and demos only)")]
    public static partial void EmbeddedSandbox(ILogger logger, Uri baseAddress);
}
