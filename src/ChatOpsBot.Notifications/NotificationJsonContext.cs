using System.Text.Json.Serialization;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Notifications;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutboxItem))]
[JsonSerializable(typeof(TicketThread))]
[JsonSerializable(typeof(Ticket))]
[JsonSerializable(typeof(TicketMoveRecord))]
[JsonSerializable(typeof(ChatOpsBot.Cards.ViewModels.DigestCardModel))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
