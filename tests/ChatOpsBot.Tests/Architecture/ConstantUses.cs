using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ChatOpsBot.Tests.Architecture;

/// <summary>
/// The constants (and enum members) a type names in its source, by the full names of the outermost declaring types
/// ("A.X uses B.Y"). The compiler copies a constant's value into the code that uses it, so the compiled code never names
/// its type: <see cref="NamespaceGraph"/> reads these from the sources, bound by Roslyn against the project's own
/// references (what the source generators would add is missing, which changes no binding of a constant).
/// </summary>
public static class ConstantUses
{
    /// <summary>The uses in the .cs files below <paramref name="projectDirectory"/> (bin and obj left out).</summary>
    public static HashSet<(string From, string To)> InProject(string projectDirectory, IEnumerable<string> referencePaths)
    {
        var separator = Path.DirectorySeparatorChar;
        var trees = Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(separator + "bin" + separator, StringComparison.Ordinal) && !f.Contains(separator + "obj" + separator, StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Preview), f));
        return In(trees, referencePaths);
    }

    /// <summary>The uses in <paramref name="trees"/>, compiled together with <paramref name="referencePaths"/>.</summary>
    public static HashSet<(string From, string To)> In(IEnumerable<SyntaxTree> trees, IEnumerable<string> referencePaths)
    {
        var compilation = CSharpCompilation.Create(
            "sources",
            trees,
            referencePaths.Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var uses = new HashSet<(string, string)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (model.GetSymbolInfo(name).Symbol is IFieldSymbol { IsConst: true, ContainingType: { } declaring }
                    && SymbolEqualityComparer.Default.Equals(declaring.ContainingAssembly, compilation.Assembly)
                    && name.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is { } user
                    && model.GetDeclaredSymbol(user) is { } userType
                    && !SymbolEqualityComparer.Default.Equals(Outermost(userType), Outermost(declaring)))
                {
                    uses.Add((FullName(Outermost(userType)), FullName(Outermost(declaring))));
                }
            }
        }

        return uses;
    }

    /// <summary>
    /// The files a compilation of the loaded assembly's sources needs: what this process runs on (the runtime, ASP.NET
    /// Core, the packages and our projects), without the compiled assembly itself, which the sources replace.
    /// </summary>
    public static IEnumerable<string> ReferencePathsOf(System.Reflection.Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var itself = assembly.GetName().Name + ".dll";
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0 && !string.Equals(Path.GetFileName(p), itself, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal);
    }

    private static INamedTypeSymbol Outermost(INamedTypeSymbol type)
    {
        while (type.ContainingType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static string FullName(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;
}
