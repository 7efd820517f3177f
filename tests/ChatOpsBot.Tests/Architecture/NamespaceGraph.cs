using System.Reflection;
using System.Reflection.Emit;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Tests.Architecture;

/// <summary>
/// Which namespace of an assembly uses which other namespace of the same assembly, read from the compiled code: base types,
/// interfaces, fields, properties, signatures, locals and every type, method and field a method body names (generic
/// arguments included); and from the sources (src/&lt;assembly name&gt;), the constants, which the compiled code does not
/// name (<see cref="ConstantUses"/>). Compiler-generated nested types (lambdas, async state machines) count for their outer type.
/// The project's root namespace (its entry points, options and log messages, in Tickets the ticket itself) is left out:
/// every folder may use it, and its registration wires every folder; the graph is the one between the folders.
/// </summary>
public static class NamespaceGraph
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>Edges "A → B" between the namespaces below the root of <paramref name="assembly"/> (A ≠ B).</summary>
    public static HashSet<(string From, string To)> Edges(Assembly assembly) =>
        Uses(assembly).Select(u => (NamespaceOf(u.From), NamespaceOf(u.To))).ToHashSet();

    /// <summary>
    /// The type-to-type uses that make the edges of <see cref="Edges"/>, outer types only: the witnesses a reader needs to
    /// see why a folder depends on another.
    /// </summary>
    public static HashSet<(Type From, Type To)> Uses(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return Cache.GetOrAdd(assembly, ReadUses);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Assembly, HashSet<(Type From, Type To)>> Cache = new();

    private static HashSet<(Type From, Type To)> ReadUses(Assembly assembly)
    {
        var root = assembly.GetName().Name;
        var uses = new HashSet<(Type, Type)>();
        foreach (var type in assembly.GetTypes().Where(t => NamespaceOf(t) != root))
        {
            foreach (var used in UsedTypes(type).SelectMany(Unwrap).Where(t => t.Assembly == assembly))
            {
                Add(uses, root, type, used);
            }
        }

        foreach (var (from, to) in ConstantUses.InProject(Path.Combine(TestData.RepositoryRoot, "src", root!), ConstantUses.ReferencePathsOf(assembly)))
        {
            if (assembly.GetType(from) is { } fromType && assembly.GetType(to) is { } toType && NamespaceOf(fromType) != root)
            {
                Add(uses, root, fromType, toType);
            }
        }

        return uses;
    }

    private static void Add(HashSet<(Type, Type)> uses, string? root, Type type, Type used)
    {
        var to = NamespaceOf(used);
        if (NamespaceOf(type) != to && to != root)
        {
            uses.Add((Outermost(type), Outermost(used)));
        }
    }

    /// <summary>
    /// Every type the code of <paramref name="assembly"/> names, of any assembly, with the (outer) type of
    /// <paramref name="assembly"/> that names it: who in a project uses a type of another.
    /// </summary>
    public static HashSet<(Type From, Type To)> AllUses(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetTypes().SelectMany(type => UsedTypes(type).SelectMany(Unwrap).Select(used => (Outermost(type), Outermost(used)))).ToHashSet();
    }

    /// <summary>The edges that lie on a cycle: both ends in one strongly connected component.</summary>
    public static HashSet<(string From, string To)> CycleEdges(IReadOnlySet<(string From, string To)> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        return edges.Where(e => Reaches(next, e.To, e.From)).ToHashSet();
    }

    private static bool Reaches(Dictionary<string, List<string>> next, string from, string to)
    {
        var seen = new HashSet<string> { from };
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var current))
        {
            if (current == to)
            {
                return true;
            }

            foreach (var n in next.GetValueOrDefault(current) ?? [])
            {
                if (seen.Add(n))
                {
                    pending.Push(n);
                }
            }
        }

        return false;
    }

    private static string NamespaceOf(Type type) => Outermost(type).Namespace ?? "";

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var t in Unwrap(type.GetElementType()!))
            {
                yield return t;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (var t in type.GetGenericArguments().SelectMany(Unwrap))
            {
                yield return t;
            }
        }
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var i in type.GetInterfaces())
        {
            yield return i;
        }

        foreach (var field in type.GetFields(Everything))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(Everything))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            foreach (var used in BodyTypes(method))
            {
                yield return used;
            }
        }
    }

    private static IEnumerable<Type> BodyTypes(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            short code = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var operand = OperandTypes[code];
            if (operand is OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                var member = Resolve(method.Module, BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                foreach (var used in TypesOf(member))
                {
                    yield return used;
                }
            }

            at += OperandSize(operand, il, at);
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static IEnumerable<Type> TypesOf(MemberInfo? member)
    {
        switch (member)
        {
            case Type t:
                yield return t;
                break;
            case MethodBase m:
                if (m.DeclaringType is { } declaring)
                {
                    yield return declaring;
                }

                if (m.IsGenericMethod)
                {
                    foreach (var argument in m.GetGenericArguments())
                    {
                        yield return argument;
                    }
                }

                break;
            case FieldInfo f:
                if (f.DeclaringType is { } owner)
                {
                    yield return owner;
                }

                yield return f.FieldType;
                break;
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
