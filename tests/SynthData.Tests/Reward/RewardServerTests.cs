using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SynthData.Cli.Reward;
using SynthData.Config;
using SynthData.Reward;
using SynthData.Tests.TestSupport;
using SynthData.Verification;

namespace SynthData.Tests.Reward;

/// <summary>The reward server (DESIGN.md §2b) on real loopback HTTP, with the real verifiers and the real sandbox.</summary>
public sealed class RewardServerTests
{
    private const string AddTests = """{"tests": "assert add(1, 2) == 3\nassert add(-1, 1) == 0\n"}""";
    private const string GoodAdd = "Here:\n```python\ndef add(a, b):\n    return a + b\n```";

    /// <summary>A server in this process over the default verifiers (2 sandbox slots), on a free port.</summary>
    internal sealed class Server : IAsyncDisposable
    {
        private readonly Dictionary<SynthData.Problems.ProblemDomain, IVerifier> _verifiers;
        private readonly RewardScorer _scorer;
        private readonly RewardServer _server;
        public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(5) };

        private Server(Dictionary<SynthData.Problems.ProblemDomain, IVerifier> verifiers, RewardScorer scorer, RewardServer server)
        {
            _verifiers = verifiers;
            _scorer = scorer;
            _server = server;
        }

        public string Url => _server.BaseUrl;

        public static async Task<Server> StartAsync(PipelineOptions? options = null)
        {
            options ??= new PipelineOptions();
            options.Verification.Code.MaxParallelChecks = 2;
            var verifiers = VerifierFactory.Create(options, NullLoggerFactory.Instance);
            // As serve-reward does at start-up: the first check also starts the warm sandboxes.
            await ((SynthData.Verification.Code.CodeVerifier)verifiers[SynthData.Problems.ProblemDomain.Code]).EnsureSandboxWorksAsync(CancellationToken.None);
            var scorer = new RewardScorer(verifiers, TimeSpan.FromSeconds(options.Reward.ItemTimeoutSeconds), NullLogger.Instance);
            var server = await RewardServer.StartAsync(scorer, 0, (long)options.Reward.MaxRequestMb * 1024 * 1024, TimeSpan.FromSeconds(5), CancellationToken.None);
            return new Server(verifiers, scorer, server);
        }

        public async Task<HttpResponseMessage> PostAsync(string body) =>
            await Http.PostAsync(Url + "/v1/reward", new StringContent(body, Encoding.UTF8, "application/json"));

        public async Task<JsonArray> ScoreAsync(params JsonObject[] items)
        {
            using var response = await PostAsync(new JsonObject { ["items"] = new JsonArray(items) }.ToJsonString());
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            var results = JsonNode.Parse(text)!["results"]!.AsArray();
            Assert.Equal(items.Length, results.Count);
            return results;
        }

        public async ValueTask DisposeAsync()
        {
            await _server.DisposeAsync();
            _scorer.Dispose();
            foreach (var v in _verifiers.Values)
                (v as IDisposable)?.Dispose();
            Http.Dispose();
        }
    }

    internal static JsonObject Item(string ability, JsonNode? groundTruth, string response, string? finishReason = null)
    {
        var o = new JsonObject { ["ability"] = ability, ["ground_truth"] = groundTruth, ["response"] = response };
        if (finishReason is not null)
            o["finish_reason"] = finishReason;
        return o;
    }

    private static (double Score, bool Accepted, string Kind, string? Error) Read(JsonNode? r) =>
        (r!["score"]!.GetValue<double>(), r["accepted"]!.GetValue<bool>(), r["kind"]!.GetValue<string>(), r["error"]?.GetValue<string>());

    [Fact]
    public async Task Math_items_are_judged_by_equivalence_not_string_form()
    {
        await using var server = await Server.StartAsync();
        var results = await server.ScoreAsync(
            Item("math", "-27/8", "So the answer is \\boxed{-\\frac{27}{8}}."),
            Item("math", "\\boxed{1280}", "\\boxed{1{,}280}"),
            Item("math", "3", "I think \\boxed{4}."),
            Item("math", "3", "no final answer here"),
            Item("math", "3", "\\boxed{3}", finishReason: "length"),
            Item("math", JsonValue.Create(12), "\\boxed{12}"));
        Assert.Equal((1.0, true, "correct", null), Read(results[0]));
        Assert.Equal((1.0, true, "correct", null), Read(results[1]));
        Assert.Equal((0.0, false, "wrong_answer", null), Read(results[2]));
        Assert.Equal((0.0, false, null), (Read(results[3]).Score, Read(results[3]).Accepted, Read(results[3]).Error));
        Assert.Equal((0.0, false, "truncated", null), Read(results[4])); // the pipeline never accepts a cut-off answer
        Assert.Equal((1.0, true, "correct", null), Read(results[5]));
        Assert.All(results, r => Assert.False(string.IsNullOrEmpty(r!["reason"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Code_items_run_in_the_sandbox_in_every_ground_truth_shape()
    {
        await using var server = await Server.StartAsync();
        var rle = """{"function_tests": [{"args": ["aab"], "expected": "a2b1"}, {"args": [""], "expected": ""}], "entry_point": "rle"}""";
        var rleProgram = "```python\ndef rle(s):\n    out, i = [], 0\n    while i < len(s):\n        j = i\n        while j < len(s) and s[j] == s[i]:\n            j += 1\n        out.append(s[i] + str(j - i))\n        i = j\n    return ''.join(out)\n```";
        var echo = """{"inputs": ["1 2\n", "5 5\n"], "outputs": ["3\n", "10\n"]}""";
        var apps = """{"fn_name": "double", "inputs": [[1], [4]], "outputs": [[2], [8]]}""";
        var results = await server.ScoreAsync(
            Item("code", AddTests, GoodAdd),
            Item("code", AddTests, "```python\ndef add(a, b):\n    return a - b\n```"),
            Item("code", rle, rleProgram),
            Item("code", rle, "```python\ndef rle(s):\n    return s\n```"),
            Item("code", echo, "```python\na, b = map(int, input().split())\nprint(a + b)\n```"),
            Item("code", JsonNode.Parse(apps), "```python\ndef double(x):\n    return 2 * x\n```"),
            Item("code", AddTests, "I would write add but will not."),
            Item("code", JsonNode.Parse("""{"tests": "def check(candidate):\n    assert candidate(2) == 4\n", "entry_point": "sq"}"""), "```python\ndef sq(x):\n    return x * x\n```"));
        Assert.Equal((1.0, true, "passed", null), Read(results[0]));
        Assert.Equal((false, "failed"), (Read(results[1]).Accepted, Read(results[1]).Kind));
        Assert.Equal((1.0, true, "passed", null), Read(results[2]));
        var wrong = Read(results[3]);
        Assert.Equal((false, "failed", null), (wrong.Accepted, wrong.Kind, wrong.Error));
        Assert.InRange(wrong.Score, 0, 0.99); // partial credit where the verifier gives it, never full for a failure
        Assert.Equal((1.0, true, "passed", null), Read(results[4]));
        Assert.Equal((1.0, true, "passed", null), Read(results[5]));
        Assert.Equal((0.0, false, "no_code", null), Read(results[6]));
        Assert.Equal((1.0, true, "passed", null), Read(results[7]));
    }

    [Fact]
    public async Task Malformed_items_get_error_results_and_never_fail_the_batch()
    {
        await using var server = await Server.StartAsync();
        using var response = await server.PostAsync("""
            {"items": [
              {"ability": "math", "ground_truth": "2", "response": "\\boxed{2}"},
              {"ability": "chemistry", "ground_truth": "2", "response": "2"},
              {"ground_truth": "2", "response": "2"},
              {"ability": "math", "ground_truth": "", "response": "2"},
              {"ability": "math", "ground_truth": "2", "response": ["not", "text"]},
              {"ability": "code", "ground_truth": "{not json", "response": "x"},
              {"ability": "code", "ground_truth": "{\"function_tests\": [{\"args\": 1, \"expected\": 2}], \"entry_point\": \"f\"}", "response": "x"},
              {"ability": "logic", "ground_truth": "{}", "response": "x"},
              7,
              null,
              {"ability": "math", "ground_truth": "5", "response": "\\boxed{5}"}
            ]}
            """);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["results"]!.AsArray();
        Assert.Equal(11, results.Count);
        Assert.True(Read(results[0]).Accepted);
        Assert.True(Read(results[10]).Accepted);
        var expectedFields = new[] { "items[1].ability", "items[2].ability", "items[3].ground_truth", "items[4].response", "items[5].ground_truth",
            "items[6].ground_truth.function_tests[0].args", "items[7].ability", "items[8]", "items[9]" };
        for (var i = 1; i <= 9; i++)
        {
            var (score, accepted, kind, error) = Read(results[i]);
            Assert.Equal((0.0, false, "error"), (score, accepted, kind));
            Assert.NotNull(error);
            Assert.StartsWith(expectedFields[i - 1] + ":", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_a_status_and_a_reason()
    {
        var options = new PipelineOptions { Reward = new RewardOptions { MaxRequestMb = 1 } };
        await using var server = await Server.StartAsync(options);
        var big = new JsonObject { ["items"] = new JsonArray(Item("math", "1", new string('x', 1_200_000))) }.ToJsonString();

        using (var r = await server.PostAsync(big))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
            Assert.Contains("reward.max_request_mb", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Chunked: no Content-Length to check up front, so the cap applies while reading.
        using (var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))))
        {
            var request = new HttpRequestMessage(HttpMethod.Post, server.Url + "/v1/reward") { Content = chunked };
            request.Headers.TransferEncodingChunked = true;
            using var r = await server.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        }

        foreach (var body in new[] { "not json", "[1, 2]", """{"item": []}""", """{"items": {}}""" })
        {
            using var r = await server.PostAsync(body);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.NotNull(JsonNode.Parse(await r.Content.ReadAsStringAsync())!["error"]);
        }

        using (var r = await server.Http.GetAsync(server.Url + "/v1/reward"))
            Assert.Equal(HttpStatusCode.MethodNotAllowed, r.StatusCode);
        using (var r = await server.Http.GetAsync(server.Url + "/v2/other"))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await server.Http.GetAsync(server.Url + "/healthz"))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var empty = await server.ScoreAsync();
        Assert.Empty(empty);
    }

    [Fact]
    public async Task A_hostile_item_hits_its_deadline_while_the_others_are_judged()
    {
        // The problem's own wall limit (300 s) is beyond the reward deadline (15 s): only the deadline can stop it.
        var options = new PipelineOptions { Reward = new RewardOptions { ItemTimeoutSeconds = 15 } };
        await using var server = await Server.StartAsync(options);
        var endless = new JsonObject { ["inputs"] = new JsonArray("1\n"), ["outputs"] = new JsonArray("1\n"), ["timeout_s"] = 300 };
        var spin = "```python\nwhile True:\n    pass\n```";
        var clock = Stopwatch.StartNew();
        var results = await server.ScoreAsync(
            Item("code", endless.ToJsonString(), spin),
            Item("math", "7", "\\boxed{7}"),
            Item("code", AddTests, GoodAdd),
            Item("code", AddTests, "```python\nimport os\nos.fork()\nwhile True:\n    pass\n```"),
            Item("math", "1/2", "\\boxed{0.5}"));
        var hostile = Read(results[0]);
        Assert.True(Read(results[2]).Accepted, results.ToJsonString());
        Assert.Equal((0.0, false, "timeout"), (hostile.Score, hostile.Accepted, hostile.Kind));
        Assert.Contains("reward deadline", hostile.Error, StringComparison.Ordinal); // not judged: never a silent 0
        Assert.True(Read(results[1]).Accepted);
        Assert.True(Read(results[2]).Accepted);
        Assert.False(Read(results[3]).Accepted);
        Assert.True(Read(results[4]).Accepted);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(200), $"the batch took {clock.Elapsed}: the hostile item's 300 s wall limit held it up");

        // The slot the hostile item held is free again: the next request is judged, not timed out.
        var next = await server.ScoreAsync(Item("code", AddTests, GoodAdd), Item("code", AddTests, GoodAdd));
        Assert.All(next, r => Assert.True(Read(r).Accepted));
    }

    [Fact]
    public async Task Serve_reward_prints_one_line_answers_health_and_stops_on_sigterm()
    {
        using var dir = new TempDirectory();
        using var p = TestSupport.Cli.Start(dir.Path, "serve-reward", "--port", "0");
        var stderr = p.StandardError.ReadToEndAsync();
        using var ready = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var line = await p.StandardOutput.ReadLineAsync(ready.Token);
        Assert.NotNull(line);
        Assert.Matches(@"^listening on http://127\.0\.0\.1:\d+$", line);
        var url = line!["listening on ".Length..];
        using var http = new HttpClient();
        using (var health = await http.GetAsync(url + "/healthz"))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using (var scored = await http.PostAsync(url + "/v1/reward", new StringContent(new JsonObject { ["items"] = new JsonArray(Item("math", "2", "\\boxed{2}")) }.ToJsonString())))
            Assert.True(JsonNode.Parse(await scored.Content.ReadAsStringAsync())!["results"]![0]!["accepted"]!.GetValue<bool>());

        using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var exit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await p.WaitForExitAsync(exit.Token);
        Assert.True(p.ExitCode == 0, await stderr);
        Assert.Equal("", await p.StandardOutput.ReadToEndAsync()); // exactly one line on stdout
    }

    [Fact]
    public async Task A_taken_port_is_a_usage_error()
    {
        await using var server = await Server.StartAsync();
        var port = new Uri(server.Url).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var dir = new TempDirectory();
        var r = await TestSupport.Cli.RunProcessAsync(dir.Path, null, "serve-reward", "--port", port);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("cannot listen on 127.0.0.1:" + port, r.Error, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }
}
