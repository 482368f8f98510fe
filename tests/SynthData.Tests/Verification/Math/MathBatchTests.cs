using System.Text.Json;
using SynthData.Verification.Math;

namespace SynthData.Tests.Verification.Math;

public sealed class MathBatchTests
{
    [Fact]
    public async Task Results_keep_input_order_across_chunks()
    {
        // More lines than one parallel chunk, alternating equivalent and not, so any reordering shows.
        var lines = Enumerable.Range(0, 5_000).Select(i => JsonSerializer.Serialize(new
        {
            id = "p" + i,
            gold = $@"\frac{{{i}}}{{2}}",
            pred = i % 2 == 0 ? $"The answer is $\\boxed{{{i / 2.0}}}$" : $"\\boxed{{{i}}}",
        }));
        var output = new StringWriter();
        var summary = await MathBatch.RunAsync(new StringReader(string.Join('\n', lines)), output, new MathAnswerChecker(), CancellationToken.None);

        var results = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5_000, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            Assert.Equal("p" + i, results[i].GetProperty("id").GetString());
            // i/2 == i only for i = 0.
            Assert.Equal(i % 2 == 0 || i == 0, results[i].GetProperty("equivalent").GetBoolean());
        }
        Assert.Equal((5_000, 2_500, 2_500, 0, 0), (summary.Lines, summary.Equivalent, summary.NotEquivalent, summary.NoAnswer, summary.Errors));
        Assert.True(results.All(r => r.GetProperty("duration_ms").GetDouble() >= 0));
        Assert.InRange(summary.P50Ms, 0, summary.P99Ms);
    }

    [Fact]
    public async Task Bad_lines_get_an_error_result_and_the_batch_goes_on()
    {
        var input = string.Join('\n',
            """{"id": 1, "gold": "2", "pred": "\\boxed{2}"}""",
            """{"id": 2, "gold": "2"}""",
            "not json at all",
            "",
            """{"id": "x", "gold": 3, "pred": "3"}""",
            """[1, 2]""",
            """{"id": 6, "gold": "5", "pred": "no final answer here\nat all on two lines"}""");
        var output = new StringWriter();
        var summary = await MathBatch.RunAsync(new StringReader(input), output, new MathAnswerChecker(), CancellationToken.None);

        var results = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(7, results.Count); // one result line per input line, blank ones included
        Assert.True(results[0].GetProperty("equivalent").GetBoolean());
        Assert.Equal("2", results[0].GetProperty("extracted").GetString());
        Assert.Contains("line 2", results[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("pred", results[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("line 3", results[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("line 4: empty line", results[3].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("x", results[4].GetProperty("id").GetString());
        Assert.True(results[4].GetProperty("equivalent").GetBoolean()); // a numeric gold is a fine answer
        Assert.Contains("line 6", results[5].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(results[6].TryGetProperty("error", out _));
        Assert.Equal(JsonValueKind.Null, results[6].GetProperty("extracted").ValueKind);
        Assert.Equal((7, 2, 0, 1, 4), (summary.Lines, summary.Equivalent, summary.NotEquivalent, summary.NoAnswer, summary.Errors));
        Assert.False(results[5].TryGetProperty("duration_ms", out _)); // a bad line was never checked
    }
}
