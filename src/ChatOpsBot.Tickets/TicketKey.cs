using System.Globalization;

namespace ChatOpsBot.Tickets;

/// <summary>A ticket addressed by its iTop id or by its ref ("R-000123").</summary>
public readonly record struct TicketKey
{
    private TicketKey(int? id, string? reference)
    {
        Id = id;
        Ref = reference;
    }

    public int? Id { get; }

    public string? Ref { get; }

    public static TicketKey FromId(int id) =>
        id > 0 ? new TicketKey(id, null) : throw new ArgumentOutOfRangeException(nameof(id), id, "Ticket ids are positive.");

    public static TicketKey FromRef(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        return new TicketKey(null, reference.Trim());
    }

    /// <summary>"123" → id, anything else → ref.</summary>
    public static TicketKey Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? FromId(id)
            : FromRef(text);
    }

    public static implicit operator TicketKey(int id) => FromId(id);

    public override string ToString() => Id?.ToString(CultureInfo.InvariantCulture) ?? Ref ?? "";
}
