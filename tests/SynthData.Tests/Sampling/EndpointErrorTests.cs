using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using SynthData.Cli.Simulation;
using SynthData.Cli.Simulation.Model;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Sampling;

/// <summary>
/// What a user sees when the endpoint refuses the run (wrong key, unknown model, nothing listening): a quick exit 2
/// with the URL, the status and the server's own words, kept in the ledger, and never the API key. Real HTTP on
/// loopback: a scripted server for exact replies, the simulated endpoint for vLLM's unknown-model answer.
/// </summary>
public sealed class EndpointErrorTests : IDisposable
{
    /// <summary>Generous: the point is "seconds, not a minute of retries", on a loaded 2-core machine.</summary>
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    private const string KeyVariable = "SYNTHDATA_ENDPOINT_ERROR_TEST_KEY";
    private readonly TempDirectory _dir = new();
    private readonly string _secret = "sk-test-" + Guid.NewGuid().ToString("N");

    public void Dispose() => _dir.Dispose();

    private string Config(Uri endpoint, string name = "m", bool withKey = false) => _dir.Write("p.yaml", $"""
        run:
          output_dir: out
        model:
          provider: openai
          endpoint: {endpoint}
          name: {name}
          {(withKey ? "api_key_env: " + KeyVariable : "")}
          samples_per_problem: 2
          concurrency: 2
          max_retries: 6
          retry_base_delay_seconds: 0.5
          retry_max_delay_seconds: 2
        sources:
          - generator: arithmetic
            count: 3
        """);

    private string InvalidKeyBody => $$$"""{"error":{"message":"Incorrect API key provided: {{{_secret}}}. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""";

    private static string VllmNotFound(string model) =>
        $$"""{"object":"error","message":"The model `{{model}}` does not exist.","type":"NotFoundError","param":null,"code":404}""";

    private string StoredStopReason()
    {
        using var db = new SqliteConnection($"Data Source={_dir.File("out/ledger.db")};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT summary_json FROM runs ORDER BY id DESC LIMIT 1";
        // The stopping reason as stored (parsed: JSON escapes quotes and apostrophes).
        var json = cmd.ExecuteScalar() as string ?? "{}";
        return System.Text.Json.Nodes.JsonNode.Parse(json)?["aborted_reason"]?.GetValue<string>() ?? "";
    }

    private List<(string Error, long Tries)> AttemptErrors()
    {
        using var db = new SqliteConnection($"Data Source={_dir.File("out/ledger.db")};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT error, tries FROM attempt_errors";
        using var r = cmd.ExecuteReader();
        var rows = new List<(string, long)>();
        while (r.Read())
            rows.Add((r.GetString(0), r.GetInt64(1)));
        return rows;
    }

    [Fact]
    public async Task A_401_exits_2_quickly_with_the_servers_message_kept_and_the_key_never_shown()
    {
        // The server echoes the whole key it refused (some proxies do): it must still never reach output or ledger.
        await using var server = await ScriptedServer.StartAsync((ctx, _, _) => ScriptedServer.ReplyAsync(ctx, 401, InvalidKeyBody));
        var config = Config(server.BaseUrl, withKey: true);
        var env = new Dictionary<string, string> { [KeyVariable] = _secret };
        var clock = Stopwatch.StartNew();
        var run = await TestSupport.Cli.RunProcessAsync(_dir.Path, null, env, "run", "--config", config);
        clock.Stop();

        Assert.True(run.ExitCode == 2, run.Out + run.Error);
        Assert.True(clock.Elapsed < Quick, $"took {clock.Elapsed}");
        var shown = run.Out + run.Error;
        Assert.Contains("HTTP 401", shown, StringComparison.Ordinal);
        Assert.Contains(server.BaseUrl + "/models", shown, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided", shown, StringComparison.Ordinal);
        Assert.Contains("model.api_key_env", shown, StringComparison.Ordinal);
        Assert.Contains("[redacted]", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(_secret, shown, StringComparison.Ordinal);
        Assert.Equal(0, server.Count("POST /v1/chat/completions")); // the pre-flight check decided; nothing retried

        var kept = StoredStopReason();
        Assert.Contains("Incorrect API key provided", kept, StringComparison.Ordinal);
        Assert.DoesNotContain(_secret, kept, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_dir.File("out"), "*", SearchOption.AllDirectories))
            Assert.False(System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)).Contains(_secret, StringComparison.Ordinal), $"key in {file}");
    }

    [Fact]
    public async Task A_401_on_the_requests_themselves_stops_the_run_at_once_and_each_attempt_keeps_the_message()
    {
        // /models accepts us (some gateways check keys only on completions): the run's own requests meet the 401.
        await using var server = await ScriptedServer.StartAsync((ctx, path, _) => path == "GET /v1/models"
            ? ScriptedServer.ReplyAsync(ctx, 200, ScriptedServer.ModelList("m"))
            : ScriptedServer.ReplyAsync(ctx, 401, InvalidKeyBody));
        var env = new Dictionary<string, string> { [KeyVariable] = _secret };
        var clock = Stopwatch.StartNew();
        var run = await TestSupport.Cli.RunProcessAsync(_dir.Path, null, env, "run", "--config", Config(server.BaseUrl, withKey: true));

        Assert.True(run.ExitCode == 2, run.Out + run.Error);
        Assert.True(clock.Elapsed < Quick, $"took {clock.Elapsed}");
        Assert.Contains("Incorrect API key provided", run.Out + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_secret, run.Out + run.Error, StringComparison.Ordinal);
        // Never retried, and the run stopped instead of failing all 6 samples one by one.
        Assert.InRange(server.Count("POST /v1/chat/completions"), 1, 4);
        var errors = AttemptErrors();
        Assert.NotEmpty(errors);
        Assert.All(errors, e =>
        {
            Assert.Equal(1, e.Tries);
            Assert.Contains("HTTP 401", e.Error, StringComparison.Ordinal);
            Assert.Contains("Incorrect API key provided", e.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(_secret, e.Error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_unknown_model_names_it_and_lists_the_models_the_server_serves()
    {
        await using var endpoint = await SimulatedEndpoint.StartAsync(
            new SimulatedEndpointOptions { RejectUnknownModels = true, ModelName = "Qwen/Qwen3-8B" }, new SimulatedAnswerBook([]), CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var run = await TestSupport.Cli.RunAsync("run", "--config", Config(endpoint.BaseUrl, name: "qwen3-8b"));

        Assert.True(run.ExitCode == 2, run.Out + run.Error);
        Assert.True(clock.Elapsed < Quick, $"took {clock.Elapsed}");
        Assert.Contains("model 'qwen3-8b' is not served there", run.Error, StringComparison.Ordinal);
        Assert.Contains("HTTP 404", run.Error, StringComparison.Ordinal);
        Assert.Contains("The model `qwen3-8b` does not exist.", run.Error, StringComparison.Ordinal);
        Assert.Contains("The server serves: Qwen/Qwen3-8B", run.Error, StringComparison.Ordinal);
        Assert.Contains("model 'qwen3-8b' is not served there", StoredStopReason(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_model_on_a_server_without_a_model_list_still_names_it_with_the_servers_message()
    {
        await using var server = await ScriptedServer.StartAsync((ctx, path, _) => path == "GET /v1/models"
            ? ScriptedServer.ReplyAsync(ctx, 404, """{"detail":"Not Found"}""")
            : ScriptedServer.ReplyAsync(ctx, 404, VllmNotFound("qwen3-8b")));
        var run = await TestSupport.Cli.RunAsync("run", "--config", Config(server.BaseUrl, name: "qwen3-8b"));

        Assert.True(run.ExitCode == 2, run.Out + run.Error);
        Assert.Contains("The model `qwen3-8b` does not exist.", run.Error, StringComparison.Ordinal);
        Assert.Contains("model.name", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.Count("POST /v1/chat/completions")); // one probe, not retried
    }

    [Fact]
    public async Task Connection_refused_fails_in_seconds_not_after_a_minute_of_retries()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop(); // nothing listens there any more
        }

        var clock = Stopwatch.StartNew();
        var run = await TestSupport.Cli.RunAsync("run", "--config", Config(new Uri($"http://127.0.0.1:{port}/v1")));

        Assert.True(run.ExitCode == 2, run.Out + run.Error);
        Assert.True(clock.Elapsed < Quick, $"took {clock.Elapsed}");
        Assert.Contains("connection refused", run.Error, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", run.Error, StringComparison.Ordinal);
    }
}
