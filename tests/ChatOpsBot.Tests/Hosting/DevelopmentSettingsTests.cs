using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Testing;
using Microsoft.Extensions.Configuration;

namespace ChatOpsBot.Tests.Hosting;

/// <summary>
/// `dotnet run` (the Development environment) serves local clients such as the Agents Playground, which draws a list
/// with <c>choices.data</c> as an empty typeahead (no <c>application/search</c> invoke: the form showed the service's id
/// « 4 » and nothing to pick, « Mettre à jour les choix » could not help). There the forms keep their static lists and
/// update buttons; Teams (any other environment) gets the dependent lists.
/// </summary>
public sealed class DevelopmentSettingsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("Development", false)]
    public void Dependent_choice_lists_are_off_for_local_clients_only(string? environment, bool dependent)
    {
        var folder = Path.Combine(TestData.RepositoryRoot, "src", "ChatOpsBot");
        var builder = new ConfigurationBuilder().SetBasePath(folder).AddJsonFile("appsettings.json", optional: false);
        if (environment is not null)
        {
            builder.AddJsonFile($"appsettings.{environment}.json", optional: false);
        }

        var forms = builder.Build().GetSection("Forms").Get<FormsOptions>() ?? new FormsOptions();

        Assert.Equal(dependent, forms.DependentChoices);
    }
}
