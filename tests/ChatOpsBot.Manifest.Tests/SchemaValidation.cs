using NJsonSchema;
using NJsonSchema.Validation;

namespace ChatOpsBot.Manifest.Tests;

/// <summary>Loads the vendored Teams schemas as shipped and validates documents against them.</summary>
internal static class SchemaValidation
{
    private static readonly Lazy<Task<JsonSchema>> Manifest = new(() => LoadAsync("MicrosoftTeams.schema.json"));
    private static readonly Lazy<Task<JsonSchema>> Localization = new(() => LoadAsync("MicrosoftTeams.Localization.schema.json"));

    public static async Task<IReadOnlyList<string>> ManifestErrorsAsync(string json) => Describe((await Manifest.Value).Validate(json));

    public static async Task<IReadOnlyList<string>> LocalizationErrorsAsync(string json) => Describe((await Localization.Value).Validate(json));

    private static Task<JsonSchema> LoadAsync(string file) => JsonSchema.FromFileAsync(Path.Combine(Paths.Schemas, file));

    /// <summary>Flattened "path: kind" lines, including the errors nested under array items and sub-schemas.</summary>
    private static List<string> Describe(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child
                ? child.Errors.Values.SelectMany(Describe).Prepend($"{e.Path}: {e.Kind}")
                : [$"{e.Path}: {e.Kind}"])
            .ToList();
}
