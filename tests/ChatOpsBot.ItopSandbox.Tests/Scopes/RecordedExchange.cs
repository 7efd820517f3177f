using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOpsBot.ItopSandbox.Tests.Scopes;

/// <summary>
/// One exchange of tests/TestData/itop-contract-scopes, in the corpus file format (tests/TestData/itop-contract/README.md):
/// who called (login only, secrets redacted as ***), the json_data sent and iTop's answer.
/// </summary>
internal sealed record RecordedExchange(string Scenario, string Login, JsonObject JsonData, int HttpStatus, string? ContentType, JsonObject Body)
{
    public const string RestPath = "/webservices/rest.php?version=1.4";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool ByToken => Login == ItopTarget.TokenLogin;

    public static RecordedExchange Load(string path)
    {
        var file = (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
        var request = file["request"]!;
        var response = file["response"]!;
        return new RecordedExchange(
            file["scenario"]!.GetValue<string>(),
            request["auth_user"]!.GetValue<string>(),
            (JsonObject)request["json_data"]!.DeepClone(),
            response["http_status"]!.GetValue<int>(),
            response["content_type"]?.GetValue<string>(),
            (JsonObject)response["body"]!.DeepClone());
    }

    public string ToJson()
    {
        var request = new JsonObject
        {
            ["method"] = "POST",
            ["path"] = RestPath,
            ["auth"] = ByToken ? "token (secret redacted)" : "form (secret redacted)",
            ["content_type"] = "application/x-www-form-urlencoded",
            ["auth_user"] = Login,
            ["form_fields"] = ByToken ? new JsonArray("json_data") : new JsonArray("auth_pwd", "auth_user", "json_data"),
        };
        if (ByToken)
        {
            request["headers"] = new JsonObject { ["Auth-Token"] = "***" };
        }

        request["json_data"] = JsonData.DeepClone();
        var file = new JsonObject
        {
            ["scenario"] = Scenario,
            ["request"] = request,
            ["response"] = new JsonObject { ["http_status"] = HttpStatus, ["content_type"] = ContentType, ["body"] = Body.DeepClone() },
        };
        return file.ToJsonString(Indented) + "\n";
    }
}
