using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOpsBot.Protocol.Schema;

/// <summary>A conversation member as returned by the Teams member APIs.</summary>
public sealed class TeamsChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? GivenName { get; set; }

    public string? Surname { get; set; }

    public string? Email { get; set; }

    public string? UserPrincipalName { get; set; }

    public string? TenantId { get; set; }

    public string? UserRole { get; set; }

    public string? AadObjectId { get; set; }

    /// <summary>Older Teams payloads carry the Entra object id as <c>objectId</c>.</summary>
    public string? ObjectId { get; set; }

    /// <summary><see cref="AadObjectId"/>, or <see cref="ObjectId"/> when the former is absent.</summary>
    [JsonIgnore]
    public string? EffectiveAadObjectId => AadObjectId ?? ObjectId;

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
