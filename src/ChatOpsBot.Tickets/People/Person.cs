namespace ChatOpsBot.Tickets.People;

/// <summary>An iTop Person. <paramref name="Name"/> is the last name (iTop's <c>name</c>).</summary>
public sealed record Person(int Id, string FirstName, string Name, string Email, int OrgId, string OrgName)
{
    /// <summary>"First Last", as iTop's friendlyname.</summary>
    public string FullName => string.IsNullOrEmpty(FirstName) ? Name : FirstName + " " + Name;
}
