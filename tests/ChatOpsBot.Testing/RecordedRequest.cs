namespace ChatOpsBot.Testing;

/// <summary>One request received by the <see cref="FakeConnector"/>; <see cref="RawTarget"/> is the path as sent (still escaped).</summary>
public sealed record RecordedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>When it arrived (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>): latency and rate measures.</summary>
    public long ReceivedAt { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
