using System.Text.Json.Nodes;
using SynthData.Verification.Code;

namespace SynthData.Tests.Verification.Code;

[Collection(SandboxCollection.Name)]
public sealed class CodeBatchTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task Results_keep_input_order_and_bad_lines_get_an_error()
    {
        var lines = new[]
        {
            new JsonObject { ["id"] = "a", ["code"] = "def f(x):\n    return x + 1\n", ["tests"] = "def check(c):\n    assert c(1) == 2\n", ["entry_point"] = "f" }.ToJsonString(),
            "{not json",
            new JsonObject { ["id"] = 3, ["code"] = "```python\nprint(int(input()) * 2)\n```", ["stdin"] = "21\n", ["expected_stdout"] = "42\n" }.ToJsonString(),
            new JsonObject { ["id"] = "slow", ["code"] = "import time\ntime.sleep(5)\n", ["tests"] = "assert True", ["timeout_s"] = 0.5 }.ToJsonString(),
            new JsonObject { ["id"] = "no-tests", ["code"] = "x = 1" }.ToJsonString(),
            new JsonObject { ["id"] = "wrong", ["code"] = "def f(x):\n    return x\n", ["tests"] = "assert f(1) == 2\n" }.ToJsonString(),
        };
        using var output = new StringWriter();
        var summary = await CodeBatch.RunAsync(new StringReader(string.Join('\n', lines)), output, sandbox.Verifier, CancellationToken.None);

        var results = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(6, results.Count);
        Assert.Equal(["a", null, "3", "slow", "no-tests", "wrong"], results.Select(r => r["id"]?.ToString()));
        Assert.Equal([true, false, true, false, false, false], results.Select(r => r["passed"]!.GetValue<bool>()));
        Assert.NotNull(results[1]["error"]);
        Assert.StartsWith("timeout", results[3]["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(results[4]["error"]);
        Assert.Null(results[5]["error"]);
        Assert.Equal(new CodeBatchSummary(6, 2, 2, 2, 0), summary);
    }
}
