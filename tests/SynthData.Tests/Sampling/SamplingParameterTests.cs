using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SynthData.Cli.Simulation;
using SynthData.Cli.Simulation.Model;
using SynthData.Config;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Sampling;

/// <summary>
/// Every configured sampling parameter reaches the server exactly as configured, unset ones are not sent at all, and
/// the ledger's provenance and settings fingerprint say the same. Checked on the request bodies the simulated
/// endpoint received over real loopback HTTP from a real <c>run</c>.
/// </summary>
public sealed class SamplingParameterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Everything = """
          temperature: 0.6
          top_p: 0.95
          max_tokens: 777
          top_k: 20
          min_p: 0.05
          repetition_penalty: 1.05
          presence_penalty: 0.5
          frequency_penalty: -0.25
          stop: ["</answer>", "\n\nUser:"]
          reasoning_effort: low
          extra_body:
            chat_template_kwargs:
              enable_thinking: false
            priority: 3
            guided_decoding_backend: "xgrammar"
        """;

    private static async Task<SimulatedEndpoint> Recording() =>
        await SimulatedEndpoint.StartAsync(new SimulatedEndpointOptions { RecordRequests = true }, new SimulatedAnswerBook([]), CancellationToken.None);

    private string Config(Uri endpoint, string model, string output = "out") => _dir.Write("p.yaml", $"""
        run:
          output_dir: {output}
        model:
          provider: openai
          endpoint: {endpoint}
          name: simulated
          samples_per_problem: 2
        {model}
        sources:
          - generator: arithmetic
            count: 3
        """);

    private static List<JsonObject> ChatBodies(SimulatedEndpoint e) =>
        [.. e.Received.Bodies.Where(b => b["messages"] is JsonArray m && m.Count > 0 && b["max_tokens"]?.ToJsonString() != "1" && b["max_completion_tokens"]?.ToJsonString() != "1")];

    private List<JsonObject> ProvenanceRecords()
    {
        using var db = new SqliteConnection($"Data Source={_dir.File("out/ledger.db")};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT sampling_json FROM attempts ORDER BY problem_id, sample_index";
        using var r = cmd.ExecuteReader();
        var rows = new List<JsonObject>();
        while (r.Read())
            rows.Add(JsonNode.Parse(r.GetString(0))!.AsObject());
        return rows;
    }

    private static readonly string[] ConfiguredFields =
        ["temperature", "top_p", "max_tokens", "top_k", "min_p", "repetition_penalty", "presence_penalty", "frequency_penalty", "stop", "reasoning_effort"];

    [Fact]
    public async Task Every_configured_parameter_is_sent_exactly_as_configured_and_recorded_in_provenance()
    {
        await using var endpoint = await Recording();
        var run = await TestSupport.Cli.RunAsync("run", "--config", Config(endpoint.BaseUrl, Everything));
        Assert.True(run.ExitCode == 0, run.Out + run.Error);

        var bodies = ChatBodies(endpoint);
        Assert.Equal(6, bodies.Count); // 3 problems x 2 samples, one request each
        var expected = new Dictionary<string, string>
        {
            ["temperature"] = "0.6",
            ["top_p"] = "0.95",
            ["max_tokens"] = "777",
            ["top_k"] = "20",
            ["min_p"] = "0.05",
            ["repetition_penalty"] = "1.05",
            ["presence_penalty"] = "0.5",
            ["frequency_penalty"] = "-0.25",
            ["stop"] = """["</answer>","\n\nUser:"]""",
            ["reasoning_effort"] = "\"low\"",
            ["chat_template_kwargs"] = """{"enable_thinking":false}""",
            ["priority"] = "3",
            ["guided_decoding_backend"] = "\"xgrammar\"",
        };
        foreach (var body in bodies)
        {
            foreach (var (key, json) in expected)
                Assert.True(JsonNode.DeepEquals(body[key], JsonNode.Parse(json)), $"{key}: sent {body[key]?.ToJsonString() ?? "nothing"}, configured {json}");
            Assert.False(body.ContainsKey("max_completion_tokens"), "both token-limit fields sent");
            Assert.False(body.ContainsKey("n"), "n sent with one sample per request");
            Assert.True(body.ContainsKey("seed"));
        }

        // Provenance lists exactly what the request carried.
        var records = ProvenanceRecords();
        Assert.Equal(6, records.Count);
        foreach (var record in records)
        {
            foreach (var (key, json) in expected)
                Assert.True(JsonNode.DeepEquals(record[key], JsonNode.Parse(json)), $"provenance {key}: {record[key]?.ToJsonString() ?? "missing"}");
        }

        Assert.Equal(bodies.Select(b => b["seed"]!.ToJsonString()).Order(), records.Select(r => r["seed"]!.ToJsonString()).Order());
    }

    [Fact]
    public async Task Unset_parameters_are_left_out_of_the_request_and_of_provenance()
    {
        await using var endpoint = await Recording();
        var run = await TestSupport.Cli.RunAsync("run", "--config", Config(endpoint.BaseUrl, "  temperature: null\n  top_p: null\n  max_tokens: null"));
        Assert.True(run.ExitCode == 0, run.Out + run.Error);

        var bodies = ChatBodies(endpoint);
        Assert.Equal(6, bodies.Count);
        foreach (var body in bodies)
        {
            foreach (var field in ConfiguredFields.Append("max_completion_tokens").Append("n").Append("chat_template_kwargs"))
                Assert.False(body.ContainsKey(field), $"{field} sent although unset: {body.ToJsonString()}");
        }

        Assert.All(ProvenanceRecords(), r => Assert.Equal(["seed", "stream"], r.Select(kv => kv.Key).Order()));
    }

    [Fact]
    public async Task The_token_limit_goes_in_the_configured_field_only()
    {
        await using var endpoint = await Recording();
        var run = await TestSupport.Cli.RunAsync("run", "--config", Config(endpoint.BaseUrl, "  max_tokens: 321\n  token_limit_field: max_completion_tokens"));
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.All(ChatBodies(endpoint), b =>
        {
            Assert.Equal("321", b["max_completion_tokens"]?.ToJsonString());
            Assert.False(b.ContainsKey("max_tokens"));
        });
        Assert.All(ProvenanceRecords(), r => Assert.Equal("321", r["max_completion_tokens"]?.ToJsonString()));
    }

    [Theory]
    [InlineData("https://api.openai.com/v1", TokenLimitField.Auto, "max_completion_tokens")]
    [InlineData("http://localhost:8000/v1", TokenLimitField.Auto, "max_tokens")]
    [InlineData("https://api.openai.com/v1", TokenLimitField.MaxTokens, "max_tokens")]
    [InlineData("http://localhost:8000/v1", TokenLimitField.MaxCompletionTokens, "max_completion_tokens")]
    public void Auto_sends_max_completion_tokens_to_openai_and_max_tokens_elsewhere(string endpoint, TokenLimitField field, string sent) =>
        Assert.Equal(sent, new ModelOptions { Provider = ModelProvider.Openai, Endpoint = endpoint, TokenLimitField = field }.ResolveTokenLimitField());

    public static TheoryData<string, string> Changes => new()
    {
        { "  top_k: 40", "model.top_k" },
        { "  min_p: 0.1", "model.min_p" },
        { "  repetition_penalty: 1.1", "model.repetition_penalty" },
        { "  stop: [\"</answer>\", \"END\"]", "model.stop" },
        { "  reasoning_effort: high", "model.reasoning_effort" },
        { "  token_limit_field: max_completion_tokens", "model.token_limit_field" },
        { "  temperature: null", "model.temperature" },
        { "  extra_body:\n    chat_template_kwargs:\n      enable_thinking: true", "model.extra_body.chat_template_kwargs.enable_thinking" },
        { "  extra_body:\n    chat_template_kwargs:\n      enable_thinking: false\n    priority: 3\n    guided_decoding_backend: \"xgrammar\"\n    top_a: 1", "model.extra_body.top_a" },
        { "  samples_per_request: 2", "model.samples_per_request" },
    };

    /// <summary>Changing any sampling parameter over a ledger drawn with others is a settings change: exit 2 naming it.</summary>
    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Changing_a_sampling_parameter_is_a_settings_change_naming_it(string change, string key)
    {
        await using var endpoint = await Recording();
        Assert.Equal(0, (await TestSupport.Cli.RunAsync("run", "--config", Config(endpoint.BaseUrl, Everything))).ExitCode);
        // The baseline with the changed key's lines replaced by the change.
        var changedKey = change.TrimStart().Split(':')[0];
        var kept = changedKey == "extra_body" ? Everything[..Everything.IndexOf("  extra_body:", StringComparison.Ordinal)] : Everything;
        kept = string.Join('\n', kept.Split('\n').Where(line => !line.TrimStart().StartsWith(changedKey + ":", StringComparison.Ordinal)));
        var changed = await TestSupport.Cli.RunAsync("run", "--config", Config(endpoint.BaseUrl, kept.TrimEnd() + "\n" + change));
        Assert.True(changed.ExitCode == 2, changed.Out + changed.Error);
        Assert.Contains(key, changed.Error, StringComparison.Ordinal);
    }
}
