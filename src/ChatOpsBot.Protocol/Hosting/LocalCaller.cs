using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.Protocol.Hosting;

/// <summary>
/// Unauthenticated local mode: is the caller on this machine? Decided by the peer of the TCP socket, never by
/// <c>HttpContext.Connection.RemoteIpAddress</c>: the forwarded-headers middleware (on with
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>) rewrites that one from <c>X-Forwarded-For</c>. A transport without a
/// socket (no <see cref="IConnectionSocketFeature"/>) is refused.
/// </summary>
internal static class LocalCaller
{
    public static bool IsLocal(HttpContext context) => IsLocal(SocketPeer(context));

    internal static bool IsLocal(EndPoint? peer) => peer switch
    {
        IPEndPoint ip => IPAddress.IsLoopback(ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address),
        UnixDomainSocketEndPoint => true,
        _ => false,
    };

    private static EndPoint? SocketPeer(HttpContext context)
    {
        try
        {
            return context.Features.Get<IConnectionSocketFeature>()?.Socket?.RemoteEndPoint;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }
}
