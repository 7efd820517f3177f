namespace ChatOpsBot.Testing;

/// <summary>A scripted answer of the <see cref="FakeConnector"/>.</summary>
public sealed record SinkResponse(int Status, string? Body = null, string? RetryAfter = null)
{
    public static SinkResponse Created(string id) => new(201, "{\"id\":\"" + id + "\"}");
}
