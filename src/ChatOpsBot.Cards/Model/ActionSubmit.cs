namespace ChatOpsBot.Cards.Model;

/// <summary>Legacy submit: Teams sends a <c>message</c> activity whose value is the data merged with the inputs.</summary>
public sealed record ActionSubmit : CardAction
{
    public CardActionData? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }
}
