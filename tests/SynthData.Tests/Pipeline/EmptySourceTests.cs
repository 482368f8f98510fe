using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Pipeline;

/// <summary>A source that yields no problems is an error naming the file and the reason, never a "complete" run.</summary>
public sealed class EmptySourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<CliResult> RunWith(string file, string content, string format)
    {
        _dir.Write(file, content);
        var config = _dir.Write("p.yaml", $"""
            run:
              output_dir: out
            model:
              samples_per_problem: 1
            sources:
              - generator: arithmetic
                count: 2
              - dataset: {file}
                format: {format}
            """);
        return await TestSupport.Cli.RunAsync("run", "--config", config);
    }

    [Theory]
    [InlineData("empty.jsonl", "", "jsonl", "no rows")]
    [InlineData("blank.jsonl", "\n\n", "gsm8k", "no rows")]
    [InlineData("cols.csv", "question,solution\nWhat is 1+1?,2\n", "csv", "header must have columns")]
    [InlineData("gsm.jsonl", "{\"question\": \"Tom has 3 apples and buys 2. How many?\", \"answer\": \"3 + 2 = 5\\n#### 5\"}\n{\"question\": \"What is 2*4?\", \"answer\": \"#### 8\"}\n", "math", "all 2 rows are bad")]
    public async Task Source_without_problems_fails_with_exit_2_naming_the_file(string file, string content, string format, string reason)
    {
        var r = await RunWith(file, content, format);
        Assert.Equal(2, r.ExitCode);
        var all = r.Out + r.Error;
        Assert.Contains(file, all, StringComparison.Ordinal);
        Assert.Contains(reason, all, StringComparison.Ordinal);
        Assert.DoesNotContain("run complete", all, StringComparison.Ordinal);
        // Nothing of the batch was taken: the generator's problems wait for a run with a fixed config.
        using var ledger = SynthData.Ledger.RunLedger.Open(_dir.File("out"));
        Assert.Empty(ledger.ReadProblems());
    }

    [Fact]
    public async Task A_file_with_some_good_rows_runs_and_reports_the_bad_ones()
    {
        var r = await RunWith("mixed.jsonl", "{\"question\": \"What is 2*4?\", \"answer\": \"#### 8\"}\n{\"question\": \"broken\"}\n", "gsm8k");
        Assert.True(r.ExitCode == 0, r.Out + r.Error);
        Assert.Contains("mixed.jsonl:2", r.Out, StringComparison.Ordinal);
    }
}
