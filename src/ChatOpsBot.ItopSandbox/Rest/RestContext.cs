using ChatOpsBot.ItopSandbox.Model;
using ChatOpsBot.ItopSandbox.Scopes;
using ChatOpsBot.ItopSandbox.Storage;

namespace ChatOpsBot.ItopSandbox.Rest;

/// <summary>One authenticated REST call: who calls, and the services it runs against.</summary>
internal sealed class RestContext(SandboxStore store, ItopClock clock, SandboxUser user, string version)
{
    private OrgScope? _scope;

    public SandboxStore Store { get; } = store;

    public ObjectReader Reader { get; } = new(store);

    public ItopClock Clock { get; } = clock;

    public SandboxUser User { get; } = user;

    public string Version { get; } = version;

    /// <summary>The caller's allowed organizations (corpus 089, 160-162 and tests/TestData/itop-contract-scopes).</summary>
    public OrgScope Scope => _scope ??= new OrgScope(User, Store.Model, Reader);

    /// <summary>Objects of organizations the caller is not allowed do not exist for it.</summary>
    public bool Visible(SandboxObject obj) => Scope.Visible(obj);

    /// <summary>
    /// The name iTop signs the caller's case-log entries with: its contact's friendly name ("Support INSA Lyon"), or
    /// the login for an account without a contact (teams-bot).
    /// </summary>
    public string SignatureName =>
        User.ContactId > 0 && Store.Get("Person", User.ContactId) is { } contact ? Reader.FriendlyName(contact) : User.Login;
}
