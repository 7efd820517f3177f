using Xunit;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Itop.Tests.Infrastructure;

/// <summary>
/// The ticket's text fields written through the desk and read back, on whichever iTop the desk talks to: each comes back
/// as the plain text that was written (markup and markdown as typed, never interpreted), in its own field.
/// </summary>
internal static class TextFieldsRoundTrip
{
    public const string Description = "Bonjour,\nje souhaite créer 3 cours <b>d'automne</b> & plus.\n\n**Deuxième** paragraphe.";
    public const string UserWords = "Je n'arrive pas à créer mon cours\n[cliquez ici](http://evil.example) <script>x</script>";
    public const string SchoolReference = "GC-2026-17 <i>&</i>";
    public const string PendingReason = "Quel est le numéro d'étudiant ? <b>urgent</b> & **vite**";
    public const string Solution = "Droit donné.\n\n<i>Le cours</i> est créé & **visible**.";
    public const string Note = "Passation : voir avec l'UFR <u>Génie civil</u>.";

    public static async Task RunAsync(ITicketDesk desk)
    {
        var catalog = await desk.GetCatalogAsync(default);
        var jean = (await desk.FindPersonByEmailAsync("jean.dupont@insa-lyon.fr", default))!;
        var service = catalog.Services.Single(s => s.Name == "Droits Moodle");
        var team = (await desk.GetTeamsAsync(default)).Single(t => t.Name == "Intervenants Moodle");
        var hamid = team.Members.Single(m => m.FullName == "Hamid Le Fleurier");
        var hugues = team.Members.Single(m => m.FullName == "Hugues Le Moane");
        var actor = new Actor(hamid.PersonId, hamid.FullName);

        var created = await desk.CreateTicketAsync(new TicketDraft
        {
            OrgId = jean.OrgId, CallerId = jean.Id, Title = "Champs texte ChatOpsBot", Description = Description,
            UserWords = UserWords, SchoolReference = SchoolReference, ServiceId = service.Id,
        }, new Actor(jean.Id, jean.FullName), default);
        var read = (await desk.GetTicketAsync(TicketKey.FromId(created.Id), default))!;
        foreach (var ticket in new[] { created, read })
        {
            Assert.Equal((Description, UserWords, SchoolReference), (ticket.Description, ticket.UserWords, ticket.SchoolReference));
        }

        await desk.AssignAsync(created.Id, team.Id, hamid.PersonId, actor, default);
        var pending = await desk.SetPendingAsync(created.Id, PendingReason, actor, default);
        Assert.Equal(PendingReason, pending.PendingReason);
        Assert.NotNull(pending.LastPendingDate);
        await desk.AssignAsync(created.Id, team.Id, hamid.PersonId, actor, default);
        var handedOver = await desk.ReassignAsync(created.Id, team.Id, hugues.PersonId, Note, actor, default);
        var note = handedOver.PrivateLog.Single(e => e.Message.Contains("Passation", StringComparison.Ordinal));
        Assert.Equal(hamid.FullName, note.Author);
        Assert.EndsWith(Note, note.Message, StringComparison.Ordinal);
        Assert.Same(note, handedOver.PrivateLog[^1]);

        var resolved = await desk.ResolveAsync(created.Id, Solution, null, null, new Actor(hugues.PersonId, hugues.FullName), default);
        Assert.Equal(Solution, resolved.Solution);
        Assert.Equal(Solution, (await desk.GetTicketAsync(TicketKey.FromId(created.Id), default))!.Solution);
        Assert.Equal((Description, UserWords, SchoolReference), (resolved.Description, resolved.UserWords, resolved.SchoolReference));
    }
}
