namespace ChatOpsBot.Tickets;

/// <summary>The real person behind a write: iTop's history names them ("Hamid Le Fleurier via Teams").</summary>
public sealed record Actor(int PersonId, string Name)
{
    public override string ToString() => Name;
}
