using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.People;

namespace ChatOpsBot.Tickets.Tests.Infrastructure;

/// <summary>Catalog, teams and people with the ids of the recorded iTop (035-047).</summary>
internal static class Fixtures
{
    public const int GroupeInsa = 2, InsaLyon = 3, InsaToulouse = 4, InsaRennes = 5;
    public const int GestionDesComptes = 1, DroitsMoodle = 4, AssistanceMoodle = 6, HebergementPilote = 7;
    public const int CreationDeCompte = 1, DroitCreationCours = 8, PlateformeIndisponible = 15, DemandeInstance = 16;
    public const int HamidLeFleurier = 3, HuguesLeMoane = 5, DenisDieupartRuel = 9, JeanDupont = 11;

    public static readonly Team IntervenantsMoodle = new(19, "Intervenants Moodle", GroupeInsa, "Groupe INSA", "intervenants-moodle@groupe-insa.fr",
        [new(2, "Eloise Joyeux"), new(3, "Hamid Le Fleurier"), new(4, "Hélène Dechelette"), new(5, "Hugues Le Moane"), new(6, "Isabelle Beladj"), new(7, "Marion Degouve"), new(8, "Nathalie Matheu")]);

    public static readonly Team IntervenantsScenari = new(20, "Intervenants Scénari", GroupeInsa, "Groupe INSA", "intervenants-scenari@groupe-insa.fr",
        [new(9, "Denis Dieupart-Ruel"), new(3, "Hamid Le Fleurier"), new(10, "Richter Elric")]);

    public static readonly Person JeanDupontPerson = new(JeanDupont, "Jean", "Dupont", "jean.dupont@insa-lyon.fr", InsaLyon, "INSA Lyon");

    public static readonly Person HamidPerson = new(HamidLeFleurier, "Hamid", "Le Fleurier", "hamid.le-fleurier@insa-toulouse.fr", InsaToulouse, "INSA Toulouse");

    public static ServiceCatalog Catalog { get; } = new(
        [new(1, "Scénari"), new(2, "OpenMoodle")],
        [
            new(1, "Gestion des comptes", 1, GroupeInsa, "production", ""),
            new(2, "Ateliers Scénari", 1, GroupeInsa, "production", ""),
            new(3, "Publication Scénari", 1, GroupeInsa, "production", ""),
            new(4, "Droits Moodle", 2, GroupeInsa, "production", ""),
            new(5, "Gestion des cours Moodle", 2, GroupeInsa, "production", ""),
            new(6, "Assistance Moodle", 2, GroupeInsa, "production", ""),
            new(7, "Hébergement Moodle dédié (pilote)", 2, GroupeInsa, "implementation", ""),
        ],
        [
            new(1, "Création de compte", 1, "service_request", "production"),
            new(8, "Droit de création de cours", 4, "service_request", "production"),
            new(9, "Inscription d'un enseignant à un cours", 4, "service_request", "production"),
            new(15, "Plateforme indisponible", 6, "incident", "production"),
            new(16, "Demande d'instance dédiée", 7, "service_request", "production"),
        ],
        [
            new(1, "Services numériques INSA Lyon", InsaLyon, GroupeInsa, [1, 2, 3, 4, 5, 6, 7]),
            new(3, "Services numériques INSA Rennes", InsaRennes, GroupeInsa, [1, 2, 3, 4, 5, 6]),
        ],
        [new(2, "Groupe INSA", "GROUPE-INSA", null), new(3, "INSA Lyon", "INSA-LYON", 2), new(5, "INSA Rennes", "INSA-RENNES", 2)]);

    /// <summary>A valid draft: Jean Dupont of INSA Lyon asks for Droits Moodle › Droit de création de cours.</summary>
    public static TicketDraft LyonDraft => new()
    {
        OrgId = InsaLyon,
        CallerId = JeanDupont,
        Title = "Droit de création de cours",
        Description = "Je souhaite créer des cours.",
        ServiceId = DroitsMoodle,
        SubServiceId = DroitCreationCours,
    };

    /// <summary>A Lyon ticket on Droits Moodle › Droit de création de cours, assigned to Hamid in Intervenants Moodle (fields kept in every state).</summary>
    public static Ticket TicketIn(TicketStatus status, int orgId = InsaLyon) => new()
    {
        Id = 2,
        Ref = "R-000002",
        Title = "Droit de création de cours pour Jean Dupont",
        Status = status,
        OrgId = orgId,
        OrgName = orgId == InsaLyon ? "INSA Lyon" : "INSA Rennes",
        CallerId = JeanDupont,
        TeamId = 19,
        AgentId = HamidLeFleurier,
        ServiceId = DroitsMoodle,
        SubServiceId = DroitCreationCours,
    };
}
