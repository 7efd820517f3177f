using System.Globalization;
using ChatOpsBot.ItopSandbox.Storage;

namespace ChatOpsBot.ItopSandbox.Rest;

/// <summary>iTop's default result order: refs descending for tickets, friendly name otherwise (MySQL's accent/case-insensitive collation).</summary>
internal static class ResultOrder
{
    public static List<SandboxObject> Sort(RestContext ctx, List<SandboxObject> objects)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        var sorted = objects.OrderBy(o => o, Comparer<SandboxObject>.Create((a, b) =>
        {
            var info = ctx.Store.Model.Find(a.Class);
            var code = info?.OrderBy ?? "friendlyname";
            var order = code == "id"
                ? a.Id.CompareTo(b.Id)
                : compare.Compare(ctx.Reader.Text(a, code), ctx.Reader.Text(b, code), CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);
            if (order == 0)
            {
                order = a.Id.CompareTo(b.Id);
            }

            return info?.OrderDescending == true ? -order : order;
        }));
        return sorted.ToList();
    }
}
