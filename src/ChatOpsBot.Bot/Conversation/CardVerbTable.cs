using System.Collections.Frozen;
using ChatOpsBot.Bot.Actions;
using ChatOpsBot.Bot.Approvals;
using ChatOpsBot.Bot.Commands;
using ChatOpsBot.Bot.Dialogs;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.Bot.Conversation;

/// <summary>
/// Every card route and the one handler that owns it. A verb that is not here is answered "bad card"; a route listed
/// twice throws at the first click. <c>CardVerbTableTests</c> checks this table against what the cards emit.
/// </summary>
public static class CardVerbTable
{
    public static IReadOnlyList<(CardRoute Route, Type Handler)> Routes { get; } =
    [
        Ticket<OpenTicketDialog>(CardVerbs.OpenTicket),
        Ticket<OpenTicketDialog>(CardVerbs.RefreshForm),
        Ticket<OpenTicketDialog>(CardVerbs.CancelForm),
        Ticket<OpenTicketDialog>(CardVerbs.RetryCreate),
        Ticket<OpenTicketDialog>(CardVerbs.CreateAnyway),
        Ticket<OpenTicketDialog>(CardVerbs.BackToForm),
        Ticket<TicketListPageHandler>(CardVerbs.ListPage),
        Ticket<ShowTicketHandler>(CardVerbs.ShowTicket),
        Ticket<TicketActionHandler>(CardVerbs.Assign),
        Ticket<TicketActionHandler>(CardVerbs.AssignPickTeam),
        Ticket<TicketActionHandler>(CardVerbs.Pending),
        Ticket<TicketActionHandler>(CardVerbs.Resume),
        Ticket<TicketActionHandler>(CardVerbs.TakeIt),
        Ticket<TicketActionHandler>(CardVerbs.Reassign),
        Ticket<TicketActionHandler>(CardVerbs.Resolve),
        Ticket<TicketActionHandler>(CardVerbs.Reopen),
        Ticket<TicketActionHandler>(CardVerbs.Close),
        Ticket<TicketActionHandler>(CardVerbs.Comment),
        Ticket<TicketActionHandler>(CardVerbs.Refresh),
        Ticket<SendForApprovalHandler>(CardVerbs.HandToApprover),
        Ticket<DeskApprovalHandler>(CardVerbs.DecideApproval),
        Ticket<NoticePreferencesHandler>(CardVerbs.SaveNotices),
        Approval<ApprovalActionHandler>(CardVerbs.Approve),
        Approval<ApprovalActionHandler>(CardVerbs.Reject),
        Approval<ApprovalActionHandler>(CardVerbs.HandOffApproval),
        Approval<ApprovalActionHandler>(CardVerbs.Refresh),
    ];

    /// <summary>The table by route; throws when a route has more than one handler.</summary>
    public static FrozenDictionary<CardRoute, Type> Index(IEnumerable<(CardRoute Route, Type Handler)> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var index = new Dictionary<CardRoute, Type>();
        foreach (var (route, handler) in routes)
        {
            if (!index.TryAdd(route, handler))
            {
                throw new InvalidOperationException($"Card route {route} has two handlers: {index[route].Name} and {handler.Name}.");
            }
        }

        return index.ToFrozenDictionary();
    }

    /// <summary>Registers every handler of the table (scoped, unless already registered).</summary>
    public static IServiceCollection AddCardActionHandlers(this IServiceCollection services)
    {
        foreach (var handler in Routes.Select(r => r.Handler).Distinct())
        {
            services.TryAddScoped(handler);
        }

        return services;
    }

    private static (CardRoute, Type) Ticket<THandler>(string verb)
        where THandler : ICardActionHandler => (new CardRoute(verb, FromApprovalCard: false), typeof(THandler));

    private static (CardRoute, Type) Approval<THandler>(string verb)
        where THandler : ICardActionHandler => (new CardRoute(verb, FromApprovalCard: true), typeof(THandler));
}
