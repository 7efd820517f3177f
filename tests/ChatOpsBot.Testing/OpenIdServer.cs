using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.Testing;

/// <summary>
/// Loopback OpenID metadata + JWKS server shaped like login.botframework.com: the metadata names
/// <see cref="Issuer"/> and the JWKS URL; each key carries its endorsements.
/// </summary>
public sealed class OpenIdServer : IAsyncDisposable
{
    private readonly List<TestSigningKey> _keys = [];
    private readonly Lock _gate = new();
    private LoopbackApp? _app;
    private int _jwksRequests;

    private OpenIdServer(string issuer) => Issuer = issuer;

    public string Issuer { get; }

    /// <summary>URL to configure as Bot:OpenIdMetadataUrl (or Bot:EntraOpenIdMetadataUrl).</summary>
    public string MetadataUrl => new Uri(_app!.BaseAddress, "v1/.well-known/openidconfiguration").ToString();

    public string JwksUrl => new Uri(_app!.BaseAddress, "v1/.well-known/keys").ToString();

    /// <summary>How many times the key set was fetched (refreshes show up here).</summary>
    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    public static async Task<OpenIdServer> StartAsync(string issuer = TokenMinter.BotFrameworkIssuer, params TestSigningKey[] keys)
    {
        var server = new OpenIdServer(issuer);
        server._keys.AddRange(keys);
        server._app = await LoopbackHost.StartAsync(null, app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", server.WriteMetadata);
            app.MapGet("/v1/.well-known/keys", server.WriteKeys);
        });
        return server;
    }

    /// <summary>Publishes another key (a rotation).</summary>
    public void AddKey(TestSigningKey key)
    {
        lock (_gate)
        {
            _keys.Add(key);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private IResult WriteMetadata() => Results.Text(
        new JsonObject
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = new Uri(_app!.BaseAddress, "v1/authorize").ToString(),
            ["jwks_uri"] = JwksUrl,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }.ToJsonString(),
        "application/json");

    private IResult WriteKeys()
    {
        Interlocked.Increment(ref _jwksRequests);
        JsonArray keys;
        lock (_gate)
        {
            keys = new JsonArray([.. _keys.Select(k => (JsonNode)k.ToJwk())]);
        }

        return Results.Text(new JsonObject { ["keys"] = keys }.ToJsonString(), "application/json");
    }
}
