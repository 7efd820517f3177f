using ChatOpsBot.Cards.ViewModels;

namespace ChatOpsBot.Cards.Tests.Infrastructure;

/// <summary>View-models from the seed's example (INSA Lyon, Jean Dupont, OpenMoodle).</summary>
public static class Samples
{
    public static readonly IReadOnlyList<ChoiceOption> Briques =
    [
        new("12", "OpenMoodle"),
        new("13", "Messagerie"),
        new("14", "Réseau"),
    ];

    public static readonly IReadOnlyList<ChoiceOption> Services =
    [
        new("41", "Droits Moodle"),
        new("42", "Cours Moodle"),
    ];

    public static readonly IReadOnlyList<ChoiceOption> SubServices =
    [
        new("77", "Droit de création de cours"),
        new("78", "Droit d'inscription"),
    ];

    public static readonly IReadOnlyList<ChoiceOption> People =
    [
        new("301", "Jean Dupont"),
        new("302", "Claire Martin"),
        new("303", "Yasmine Benali"),
    ];

    public static readonly IReadOnlyList<string> UserIds =
        ["29:1a2b3c-lyon-support", "29:4d5e6f-hamid", "29:7g8h9i-hugues"];

    public static NewTicketFormModel EmptyForm() => new()
    {
        DraftId = "draft-0001",
        Briques = Briques,
    };

    public static NewTicketFormModel FilledForm() => new()
    {
        DraftId = "draft-0001",
        Briques = Briques,
        Brique = "12",
        Services = Services,
        Service = "41",
        SubServices = SubServices,
        SubService = "77",
        Title = "Droit de création de cours pour Jean Dupont",
        Description = "Jean Dupont doit pouvoir créer ses cours sur OpenMoodle.",
        People = People,
        OnBehalfOf = "301",
        SchoolReference = "LYON-2026-0412",
        UserWords = "Bonjour, je n'arrive pas à créer mon cours de mécanique. Merci !",
        TicketType = "service_request",
        Urgency = "3",
        NeedsApproval = false,
    };

    public static NewTicketFormModel FormWithErrors() => FilledForm() with
    {
        Title = "",
        Service = null,
        SubServices = [],
        SubService = null,
        OnBehalfOf = null,
        NeedsApproval = true,
        Errors = new Dictionary<string, string>
        {
            [CardInputIds.Service] = "Choisissez un service de la brique OpenMoodle.",
            [CardInputIds.Title] = "Le titre est obligatoire.",
            [CardInputIds.OnBehalfOf] = "Choisissez la personne de l'établissement.",
        },
        FormError = "Le ticket n'a pas été créé : corrigez les champs en rouge.",
    };

    public static TicketCardModel Ticket(CardTicketStatus status, params TicketAction[] actions) => new()
    {
        TicketId = "123",
        Stamp = "2026-11-28 10:15:00",
        Ref = "R-000123",
        Title = "Droit de création de cours pour Jean Dupont",
        Status = status,
        Brique = "OpenMoodle",
        Service = "Droits Moodle",
        SubService = "Droit de création de cours",
        Requester = "Jean Dupont",
        Organisation = "INSA Lyon",
        Team = status == CardTicketStatus.New ? null : "Intervenants Moodle",
        Agent = status == CardTicketStatus.New ? null : "Hamid Le Fleurier",
        SchoolReference = "LYON-2026-0412",
        Story = status switch
        {
            CardTicketStatus.New => "Nouveau depuis 2 heures, à qualifier par le support groupe",
            CardTicketStatus.Pending => "En attente du demandeur depuis 3 jours",
            CardTicketStatus.WaitingForApproval => "En attente d'approbation par le bureau du groupe depuis 2 jours (aucun approbateur désigné)",
            CardTicketStatus.Resolved => "Résolu depuis 1 jour, en attente de clôture par l'établissement",
            CardTicketStatus.Closed => "Clôturé le 30/11/2026 16:20 (heure de Paris)",
            _ => "Assigné à Hamid Le Fleurier (équipe Intervenants Moodle) depuis 2 jours",
        },
        Description = "Jean Dupont, enseignant en génie civil, doit pouvoir créer ses cours sur OpenMoodle.",
        UserWords = "Bonjour, je n'arrive pas à créer mon cours de mécanique. Merci !",
        PendingReason = "Quel est le numéro de personnel de Jean Dupont ?",
        Solution = "Droit de création de cours donné sur OpenMoodle.",
        Created = "28/11/2026 09:02 (heure de Paris)",
        Updated = "28/11/2026 11:15 (heure de Paris)",
        PublicLog =
        [
            new("Hugues Le Moane", "28/11/2026 11:15 (heure de Paris)", "Droit ajouté sur la plateforme de l'INSA Toulouse. Pouvez-vous confirmer avec Jean ?"),
            new("Hamid Le Fleurier", "28/11/2026 10:40 (heure de Paris)", "Réaffecté à Hugues : l'action d'administration se fait côté INSA Toulouse."),
            new("Support INSA Lyon", "28/11/2026 09:02 (heure de Paris)", "Bonjour, je n'arrive pas à créer mon cours de mécanique. Merci !"),
            new("Support INSA Lyon", "28/11/2026 09:01 (heure de Paris)", "Entrée plus ancienne qui ne doit pas apparaître."),
        ],
        AllowedActions = actions,
        RefreshUserIds = UserIds,
        Choices = new TicketFormChoices
        {
            Teams = [new("5", "Intervenants Moodle"), new("6", "C2IP")],
            ReassignAgents = [new("402", "Hugues Le Moane"), new("403", "Sophie Garnier")],
            Services = Services,
            SelectedService = "41",
            SubServices = SubServices,
            SelectedSubService = "77",
            TicketType = "service_request",
        },
    };

    /// <summary>The group side's view: the private log shows under the public one.</summary>
    public static TicketCardModel WithPrivateLog(TicketCardModel model) => model with
    {
        PrivateLog =
        [
            new("Hamid Le Fleurier", "28/11/2026 10:40 (heure de Paris)", "Passation : l'action d'administration se fait côté INSA Toulouse, voir avec Hugues."),
            new("Nathalie Matheu", "28/11/2026 09:30 (heure de Paris)", "Assigné à Hamid Le Fleurier (Intervenants Moodle)."),
        ],
    };

    /// <summary>A description longer than the card's first lines: the rest is behind "show more".</summary>
    public static TicketCardModel LongDescription() => Ticket(CardTicketStatus.Assigned, TicketAction.Comment, TicketAction.Refresh) with
    {
        Description = string.Join("\n", Enumerable.Range(1, 8).Select(i => $"Ligne {i} de la description : le cours de mécanique n°{i} doit être créé.")),
    };

    public static TicketCardModel AssignOpen() => Ticket(CardTicketStatus.New, TicketAction.Assign, TicketAction.Comment, TicketAction.Refresh) with
    {
        OpenForm = TicketAction.Assign,
        Choices = Ticket(CardTicketStatus.New).Choices with
        {
            SelectedTeam = "5",
            TeamAgents = [new("401", "Hamid Le Fleurier"), new("402", "Hugues Le Moane")],
        },
        Errors = new Dictionary<string, string> { [CardInputIds.AssignAgent] = "Choisissez un agent de l'équipe." },
    };

    /// <summary>On hold: Resume, and the assign form pre-filled with the ticket's team and agent (issue 14).</summary>
    public static TicketCardModel PendingPrefilled() => Ticket(CardTicketStatus.Pending, TicketAction.Resume, TicketAction.Assign, TicketAction.Comment, TicketAction.Refresh) with
    {
        Choices = Ticket(CardTicketStatus.Pending).Choices with
        {
            SelectedTeam = "5",
            TeamAgents = [new("401", "Hamid Le Fleurier"), new("402", "Hugues Le Moane")],
            SelectedAgent = "401",
        },
    };

    public static ApprovalCardModel Approval(ApprovalCardView view, ApprovalDecision? decision = null) => new()
    {
        TicketId = "124",
        Stamp = "2026-11-28 12:00:00",
        Ref = "R-000124",
        Request = "Création d'un espace Moodle pour le master Génie civil",
        RequestedBy = "Support INSA Lyon",
        School = "INSA Lyon",
        SchoolReference = "LYON-2026-0412",
        Reason = "Nouvelle formation ouverte à la rentrée de janvier ; 120 étudiants.",
        UserWords = "Il nous faut l'espace avant le 5 janvier.",
        HandOffNote = view == ApprovalCardView.Decided ? null : new("Hélène Dechelette", "28/11/2026 12:30 (heure de Paris)", "Je suis absente jusqu'au 4 : peux-tu décider ?"),
        ServicePath = "OpenMoodle › Cours Moodle",
        RequestedAt = "28/11/2026 12:00",
        Approver = "Marie Approbatrice",
        HandOffChoices = view == ApprovalCardView.Approver ? [new("12", "Paul Suppléant"), new("14", "Sophie Adjointe")] : [],
        View = view,
        Decision = decision,
        DecidedBy = decision is null ? null : "Marie Approbatrice",
        DecidedAt = decision is null ? null : "28/11/2026 14:30",
        DecisionComment = decision == ApprovalDecision.Rejected ? "Budget non validé pour cette année." : null,
        RefreshUserIds = ["29:approver-marie"],
    };

    public static TicketListCardModel List() => new()
    {
        Scope = TicketListScope.Mine,
        Page = 2,
        PageCount = 3,
        TotalCount = 23,
        Rows =
        [
            new("123", "R-000123", "Droit de création de cours pour Jean Dupont", CardTicketStatus.Assigned, "Hamid Le Fleurier"),
            new("124", "R-000124", "Création d'un espace Moodle", CardTicketStatus.WaitingForApproval, null),
            new("125", "R-000125", "Boîte mail partagée *scolarité*", CardTicketStatus.Resolved, "Sophie Garnier"),
        ],
    };

    public static DigestCardModel Digest() => new()
    {
        Scope = "brique « OpenMoodle »",
        Day = new DateOnly(2026, 12, 3),
        OpenCount = 6,
        ByState = [new(CardTicketStatus.New, 2), new(CardTicketStatus.Assigned, 1), new(CardTicketStatus.Pending, 2), new(CardTicketStatus.Resolved, 1)],
        OldestUnassigned = [new("124", "R-000124", "Création d'un espace Moodle", CardTicketStatus.New, null)],
        PendingDays = 5,
        LongPending = [new(new("123", "R-000123", "Droit de création de cours pour Jean Dupont", CardTicketStatus.Pending, "Hamid Le Fleurier"), 9)],
        AwaitingClose = [new("125", "R-000125", "Boîte mail partagée *scolarité*", CardTicketStatus.Resolved, "Hamid Le Fleurier")],
    };

    public static DuplicateHintModel Duplicates() => new(
        "draft-0001",
        [
            new("12", "R-000012", "Droit de création de cours pour Jean Dupont", CardTicketStatus.Assigned, "Hamid Le Fleurier"),
            new("15", "R-000015", "Droits Moodle Jean Dupont", CardTicketStatus.New, null),
        ]);
}
