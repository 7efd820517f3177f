using System.Globalization;
using System.Text.RegularExpressions;
using ChatOpsBot.ItopSandbox.Model;
using ChatOpsBot.ItopSandbox.Storage;

namespace ChatOpsBot.ItopSandbox.Oql;

/// <summary>Runs a parsed OQL query over the store (nested-loop joins, in-memory filtering).</summary>
internal sealed class OqlEvaluator(SandboxStore store, ObjectReader reader, Func<SandboxObject, bool> visible)
{
    private static readonly CompareInfo Collation = CultureInfo.InvariantCulture.CompareInfo;
    private const CompareOptions CollationOptions = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    public List<SandboxObject> Run(OqlQuery query)
    {
        var classes = new Dictionary<string, ClassInfo>(StringComparer.Ordinal)
        {
            [query.SelectAlias] = Class(query.SelectClass),
        };
        foreach (var join in query.Joins)
        {
            classes[join.Alias] = Class(join.Class);
        }

        foreach (var field in Fields(query))
        {
            Check(query, classes, field);
        }

        var tuples = store.All(query.SelectClass).Where(visible)
            .Select(o => new Dictionary<string, SandboxObject>(StringComparer.Ordinal) { [query.SelectAlias] = o })
            .ToList();
        foreach (var join in query.Joins)
        {
            var candidates = store.All(join.Class).ToList();
            var next = new List<Dictionary<string, SandboxObject>>();
            foreach (var tuple in tuples)
            {
                foreach (var candidate in candidates)
                {
                    var extended = new Dictionary<string, SandboxObject>(tuple, StringComparer.Ordinal) { [join.Alias] = candidate };
                    if (JoinMatches(join, extended))
                    {
                        next.Add(extended);
                    }
                }
            }

            tuples = next;
        }

        if (query.Where is not null)
        {
            tuples = tuples.Where(t => Truth(query.Where, t, query.SelectAlias)).ToList();
        }

        return tuples.Select(t => t[query.SelectAlias]).DistinctBy(o => (o.Class, o.Id)).ToList();
    }

    private ClassInfo Class(string name) =>
        store.Model.Find(name) ?? throw new OqlException("OqlNormalizeException", $"Unknown class '{name}'");

    private static IEnumerable<OqlField> Fields(OqlQuery query)
    {
        foreach (var join in query.Joins)
        {
            yield return join.Left;
            yield return join.Right;
        }

        var stack = new Stack<OqlExpression?>();
        stack.Push(query.Where);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case OqlField f:
                    yield return f;
                    break;
                case OqlBinary b:
                    stack.Push(b.Right);
                    stack.Push(b.Left);
                    break;
                case OqlNot n:
                    stack.Push(n.Operand);
                    break;
                case OqlList l:
                    foreach (var item in l.Items.Reverse())
                    {
                        stack.Push(item);
                    }

                    break;
            }
        }
    }

    private static void Check(OqlQuery query, Dictionary<string, ClassInfo> classes, OqlField field)
    {
        var alias = field.Alias ?? query.SelectAlias;
        if (!classes.TryGetValue(alias, out var info))
        {
            throw new OqlException("OqlNormalizeException", $"Unknown class alias '{alias}' in '{query.Text}'");
        }

        if (info.Attributes.Contains(field.Code))
        {
            return;
        }

        var expected = info.FilterCodes ?? [.. info.StarAttributes.Where(a => !a.EndsWith("_list", StringComparison.Ordinal) && !a.EndsWith("_log", StringComparison.Ordinal)), "id"];
        throw new OqlException(
            "OqlNormalizeException",
            string.Create(
                CultureInfo.InvariantCulture,
                $"Unknown filter code - found '{field.Code}' at {field.Position} in '{query.Text}', expecting {{{string.Join(", ", expected)}}}, I would suggest to use ''"));
    }

    private bool JoinMatches(OqlJoin join, Dictionary<string, SandboxObject> tuple)
    {
        if (join.Operator == "=")
        {
            return Compare("=", Operand(join.Left, tuple, join.Alias), Operand(join.Right, tuple, join.Alias));
        }

        // a.parent_key BELOW b.id: a is b or a descendant of b through parent_key (ABOVE is the converse).
        var below = join.Operator == "BELOW";
        var lower = tuple[join.Left.Alias ?? join.Alias];
        var upperId = reader.Text(tuple[join.Right.Alias ?? join.Alias], join.Right.Code);
        var parentCode = join.Left.Code;
        if (!below)
        {
            lower = tuple[join.Right.Alias ?? join.Alias];
            upperId = reader.Text(tuple[join.Left.Alias ?? join.Alias], "id");
            parentCode = join.Right.Code;
        }

        var seen = new HashSet<long>();
        for (var node = lower; node is not null && seen.Add(node.Id);)
        {
            if (node.Id.ToString(CultureInfo.InvariantCulture) == upperId)
            {
                return true;
            }

            var parent = reader.Text(node, parentCode);
            node = long.TryParse(parent, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? store.Get(node.Class, pid) : null;
        }

        return false;
    }

    private bool Truth(OqlExpression expression, Dictionary<string, SandboxObject> tuple, string defaultAlias)
    {
        switch (expression)
        {
            case OqlNot n:
                return !Truth(n.Operand, tuple, defaultAlias);
            case OqlBinary { Operator: "AND" } b:
                return Truth(b.Left, tuple, defaultAlias) && Truth(b.Right, tuple, defaultAlias);
            case OqlBinary { Operator: "OR" } b:
                return Truth(b.Left, tuple, defaultAlias) || Truth(b.Right, tuple, defaultAlias);
            case OqlBinary { Operator: "IN" or "NOT IN" } b:
                var value = Operand(b.Left, tuple, defaultAlias);
                var found = ((OqlList)b.Right).Items.Any(i => Compare("=", value, Operand(i, tuple, defaultAlias)));
                return b.Operator == "IN" ? found : !found;
            case OqlBinary { Operator: "LIKE" or "NOT LIKE" } b:
                var like = Like(Operand(b.Left, tuple, defaultAlias), Operand(b.Right, tuple, defaultAlias));
                return b.Operator == "LIKE" ? like : !like;
            case OqlBinary b:
                return Compare(b.Operator, Operand(b.Left, tuple, defaultAlias), Operand(b.Right, tuple, defaultAlias));
            default:
                var text = Operand(expression, tuple, defaultAlias);
                return text.Length > 0 && text != "0";
        }
    }

    private string Operand(OqlExpression expression, Dictionary<string, SandboxObject> tuple, string defaultAlias) =>
        expression switch
        {
            OqlLiteral l => l.Value,
            OqlField f => reader.Text(tuple[f.Alias ?? defaultAlias], f.Code),
            _ => string.Empty,
        };

    private static bool Compare(string op, string left, string right)
    {
        int order;
        if (decimal.TryParse(left, NumberStyles.Number, CultureInfo.InvariantCulture, out var l)
            && decimal.TryParse(right, NumberStyles.Number, CultureInfo.InvariantCulture, out var r))
        {
            order = l.CompareTo(r);
        }
        else
        {
            order = Collation.Compare(left, right, CollationOptions);
        }

        return op switch
        {
            "=" => order == 0,
            "!=" => order != 0,
            "<" => order < 0,
            ">" => order > 0,
            "<=" => order <= 0,
            ">=" => order >= 0,
            _ => false,
        };
    }

    /// <summary>iTop's MySQL collation (utf8mb4_unicode_ci) ignores case and accents in LIKE too: 'dupônt' finds "Dupont".</summary>
    private static bool Like(string value, string pattern)
    {
        value = WithoutAccents(value);
        pattern = WithoutAccents(pattern);
        var regex = "^" + Regex.Escape(pattern).Replace("%", ".*", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static string WithoutAccents(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var kept = new System.Text.StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(ch);
            }
        }

        return kept.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }
}
