using System.Text.Json.Serialization;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Notifications;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Subscription))]
[JsonSerializable(typeof(OutboxItem))]
[JsonSerializable(typeof(TicketThread))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Ticket))]
[JsonSerializable(typeof(ChatOpsBot.Cards.ViewModels.DigestCardModel))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
