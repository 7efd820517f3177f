using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.People;

namespace ChatOpsBot.Bot.Tests.Infrastructure;

/// <summary>A slice of the seed's catalog and teams for unit tests.</summary>
internal static class Seed
{
    public static readonly Organization Groupe = new(2, "Groupe INSA", "GROUPE-INSA", null);
    public static readonly Organization Lyon = new(3, "INSA Lyon", "INSA-LYON", 2);
    public static readonly Organization Toulouse = new(4, "INSA Toulouse", "INSA-TOULOUSE", 2);

    public static readonly Team Moodle = new(19, "Intervenants Moodle", 2, "Groupe INSA", "intervenants-moodle@groupe-insa.fr",
        [new(3, "Hamid Le Fleurier"), new(5, "Hugues Le Moane"), new(8, "Nathalie Matheu")]);

    public static readonly Team Scenari = new(20, "Intervenants Scénari", 2, "Groupe INSA", "", [new(10, "Richter Elric")]);

    public static readonly Team SupportLyon = new(21, "Support INSA Lyon", 0, "INSA Lyon", "", [new(12, "Support INSA Lyon")]);

    public static IReadOnlyList<Team> Teams => [Moodle, Scenari, SupportLyon];

    public static ServiceCatalog Catalog { get; } = new(
        [new Brique(1, "Scénari"), new Brique(2, "OpenMoodle")],
        [
            new CatalogService(1, "Gestion des comptes", 1, 2, "production", ""),
            new CatalogService(2, "Ateliers Scénari", 1, 2, "production", ""),
            new CatalogService(4, "Droits Moodle", 2, 2, "production", ""),
            new CatalogService(5, "Gestion des cours Moodle", 2, 2, "production", ""),
        ],
        [
            new SubService(8, "Droit de création de cours", 4, "service_request", "production"),
            new SubService(4, "Création d'atelier", 2, "service_request", "production"),
        ],
        [new Contract(1, "Services numériques INSA Lyon", 3, 2, [1, 2, 4, 5])],
        [Groupe, Lyon, Toulouse]);

    public static Person Person(int id, string first, string last, string email, Organization org) =>
        new(id, first, last, email, org.Id, org.Name);
}
