namespace ChatOpsBot.Hosting;

/// <summary>The address the bot should listen on is taken: the host says so in one line and exits non-zero.</summary>
public sealed class ListenAddressInUseException : IOException
{
    public ListenAddressInUseException()
    {
    }

    public ListenAddressInUseException(string message)
        : base(message)
    {
    }

    public ListenAddressInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static ListenAddressInUseException For(string url, Exception? innerException = null) =>
        new($"ChatOpsBot cannot start: {url} is already in use (another bot running?). Stop it, or listen elsewhere with --urls.",
            innerException ?? new IOException(url));
}
