using ChatOpsBot.Protocol.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Protocol;

/// <summary>Maps the messaging endpoint.</summary>
public static class BotProtocolEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST {pattern}</c> to the Bot Framework messaging endpoint (requires <see cref="BotProtocolServiceCollectionExtensions.AddBotProtocol"/>).</summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, (RequestDelegate)(context => context.RequestServices.GetRequiredService<BotMessageEndpoint>().HandleAsync(context)));
    }
}
