using System.Text.Json.Nodes;

namespace ChatOpsBot.ItopSandbox.Tests.Scopes;

/// <summary>One call of the scope scenario: the file name's slug, what it shows, the account and the json_data sent.</summary>
internal sealed record ScopeStep(string Slug, string Scenario, string Login, JsonObject JsonData);
