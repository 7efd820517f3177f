using ChatOpsBot.Bot.Actions;
using ChatOpsBot.Bot.Commands;
using ChatOpsBot.Bot.Conversation;
using ChatOpsBot.Bot.Dialogs;
using ChatOpsBot.Bot.Drafts;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot;

/// <summary>Registers the bot's conversation layer (routing, commands, card actions).</summary>
public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="IdentityOptions"/> (section "Identity") and <see cref="RolesOptions"/> (section "Roles") and registers
    /// the <see cref="IActivityHandler"/>. Needs an <c>ITicketDesk</c> and an <c>IStateStore</c> registered by the host.
    /// </summary>
    public static IServiceCollection AddChatOpsBotConversation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(IdentityOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RolesOptions>().Bind(configuration.GetSection(RolesOptions.SectionName)).PostConfigure(o => o.ApplyDefaults()).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RolesOptions>, RolesOptionsValidator>());
        services.AddMemoryCache();
        services.TryAddSingleton(TimeProvider.System);

        services.AddScoped<DeskDirectory>();
        services.AddScoped<IdentityResolver>();
        services.AddSingleton<TypingIndicator>();
        services.AddScoped<DraftStore>();
        services.TryAddScoped<TicketOpenerStore>();
        services.AddScoped<TicketViewers>();
        services.AddScoped<TicketCardFactory>();
        services.AddScoped<UserGate>();
        services.AddSingleton<DeskFailureReplies>();
        services.AddScoped<Viewing.TicketPresenter>();
        services.AddScoped<TicketActionHandler>();
        // Writes to one ticket are serialized across instances too (the desk's default is per process only).
        services.Replace(ServiceDescriptor.Singleton<Tickets.ISharedTicketLock, StateTicketLock>());
        services.AddScoped<TicketCreator>();
        services.AddScoped<OpenTicketDialog>();
        services.AddScoped<DependentChoices>();
        services.AddScoped<TicketListBuilder>();
        services.AddScoped<CommandHandler>();
        services.AddScoped<Dialogs.DuplicateCheck>();
        services.AddScoped<CardActionRouter>();
        services.AddCardActionHandlers();
        services.AddScoped<Rendering.TicketResults>();
        services.AddScoped<Search.TicketSearchHandler>();
        services.AddScoped<LinkUnfurling.LinkUnfurlHandler>();
        services.AddScoped<Conversation.MessageExtensionRouter>();
        services.AddScoped<IActivityHandler, TeamsBot>();
        services.AddSubscriptions();
        Digest.DigestServiceCollectionExtensions.AddDigestCommands(services, configuration);

        // Approvals (issue 5).
        services.AddOptions<Rendering.FormsOptions>().Bind(configuration.GetSection(Rendering.FormsOptions.SectionName));
        services.AddOptions<Approvals.ApprovalsOptions>().Bind(configuration.GetSection(Approvals.ApprovalsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<Chats.ConversationReferenceStore>();
        services.AddScoped<Approvals.ApprovalStore>();
        services.AddProactiveSender();
        services.AddScoped<Approvals.ApproverPolicy>();
        services.TryAddScoped<Chats.IProactiveMessages, Chats.DirectProactiveMessages>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<Chats.IProactiveCardReceipt, Approvals.ApprovalCardReceipt>());
        services.AddScoped<Approvals.ApprovalStarter>();
        services.AddScoped<Approvals.ApprovalActionHandler>();
        services.AddScoped<Approvals.ApprovalHandOff>();
        services.AddScoped<Approvals.ApprovalBroadcaster>();
        services.AddScoped<Approvals.SendForApprovalHandler>();
        services.AddHostedService<Approvals.ApprovalReminderService>();
        services.AddScoped<Approvals.ApprovalDecisions>();
        services.AddScoped<Approvals.ApprovalFinisher>();
        services.AddScoped<Recovery.IWorkFinisher>(sp => sp.GetRequiredService<Approvals.ApprovalFinisher>());
        services.AddScoped<Approvals.OpenerCards>();

        // Work left half done (a crash, iTop refusing): finished by a click or in the background (issue 12).
        services.AddOptions<Recovery.RecoveryOptions>().Bind(configuration.GetSection(Recovery.RecoveryOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Recovery.InstanceHeartbeat>();
        services.AddHostedService(sp => sp.GetRequiredService<Recovery.InstanceHeartbeat>());
        services.AddSingleton<Recovery.WorkOwnership>();
        services.AddScoped<Recovery.UnfinishedWork>();
        services.AddScoped<DraftFinisher>();
        services.AddScoped<Recovery.IWorkFinisher>(sp => sp.GetRequiredService<DraftFinisher>());
        services.AddHostedService<Recovery.UnfinishedWorkService>();
        return services;
    }
}
