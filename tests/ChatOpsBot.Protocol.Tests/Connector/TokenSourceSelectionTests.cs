using ChatOpsBot.Protocol.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.Connector;

public class TokenSourceSelectionTests
{
    private static IBotTokenSource Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddBotProtocol(configuration).BuildServiceProvider();
        return services.GetRequiredService<IBotTokenSource>();
    }

    [Fact]
    public void Single_tenant_secret_uses_msal_with_the_home_tenant_authority()
    {
        var source = Assert.IsType<MsalBotTokenSource>(Resolve(new()
        {
            ["Bot:MicrosoftAppId"] = "8f2e4c1a-0000-4000-8000-00000000b07a",
            ["Bot:MicrosoftAppTenantId"] = "11111111-2222-3333-4444-555555555555",
            ["Bot:MicrosoftAppPassword"] = "not-a-real-secret",
        }));

        Assert.Contains("login.microsoftonline.com/11111111-2222-3333-4444-555555555555", source.Authority, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Secret_without_tenant_uses_the_botframework_com_authority()
    {
        var source = Assert.IsType<MsalBotTokenSource>(Resolve(new()
        {
            ["Bot:MicrosoftAppId"] = "8f2e4c1a-0000-4000-8000-00000000b07a",
            ["Bot:MicrosoftAppPassword"] = "not-a-real-secret",
        }));

        Assert.Contains("login.microsoftonline.com/botframework.com", source.Authority, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Managed_identity_client_id_selects_the_managed_identity_source()
    {
        Assert.IsType<ManagedIdentityBotTokenSource>(Resolve(new()
        {
            ["Bot:MicrosoftAppId"] = "8f2e4c1a-0000-4000-8000-00000000b07a",
            ["Bot:ManagedIdentityClientId"] = "8f2e4c1a-0000-4000-8000-00000000b07a",
        }));
    }

    [Fact]
    public void Unauthenticated_mode_has_no_token()
    {
        Assert.IsType<NoBotTokenSource>(Resolve(new() { ["Bot:AllowUnauthenticatedLocalRequests"] = "true" }));
    }
}
