using System.Net;
using System.Net.Sockets;

namespace ChatOpsBot.Hosting;

/// <summary>
/// Kestrel finds a port in use only after the embedded sandbox and the hosted services have started, and the host then
/// reports the cancelled services with critical lines. The listen addresses are tried first, so a clash is one clear line.
/// </summary>
public static class ListenAddressCheck
{
    /// <summary>Throws <see cref="ListenAddressInUseException"/> for the first URL of <paramref name="urls"/> whose port is taken.</summary>
    public static void ThrowIfInUse(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EndPointOf(url) is not { } endPoint)
            {
                continue;
            }

            using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(endPoint);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw ListenAddressInUseException.For(url, ex);
            }
        }
    }

    // Explicit IPs and localhost with a fixed port; wildcards, host names and port 0 are left to Kestrel.
    private static IPEndPoint? EndPointOf(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port <= 0)
        {
            return null;
        }

        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            return new IPEndPoint(address, uri.Port);
        }

        return string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase) ? new IPEndPoint(IPAddress.Loopback, uri.Port) : null;
    }
}
