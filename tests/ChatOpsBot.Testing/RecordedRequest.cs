namespace ChatOpsBot.Testing;

/// <summary>One request received by the <see cref="ConnectorSink"/>; <see cref="RawTarget"/> is the path as sent (still escaped).</summary>
public sealed record RecordedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
