namespace ChatOpsBot.Bot.Rendering;

/// <summary>Settings of the section <c>Forms</c>: how the cards' forms are drawn for the clients in use.</summary>
public sealed class FormsOptions
{
    public const string SectionName = "Forms";

    /// <summary>
    /// Dependent choice sets (<c>choices.data</c> answered by <c>application/search</c>): on for Teams. Off for a client
    /// that renders them as a dynamic typeahead but cannot send the invoke (the Agents Playground 0.2.28: its list then
    /// stays empty); the forms keep their static choices and "update" buttons either way.
    /// </summary>
    public bool DependentChoices { get; set; } = true;
}
