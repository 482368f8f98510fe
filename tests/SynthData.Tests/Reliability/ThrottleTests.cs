using System.Diagnostics;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Reliability;

public sealed class ThrottleTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Sustained_429s_shrink_concurrency_and_the_run_still_completes()
    {
        var config = _dir.Write("p.yaml", """
            run:
              output_dir: out
            model:
              samples_per_problem: 4
              concurrency: 16
              faults: "429=0.6"
              max_retries: 60
              retry_base_delay_seconds: 0.005
              retry_max_delay_seconds: 0.02
            sources:
              - generator: arithmetic
                count: 15
            """);
        var run = await TestSupport.Cli.RunAsync("run", "--config", config);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("concurrency went down to", run.Out, StringComparison.Ordinal);
        Assert.Contains("60 new", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_per_minute_cap_spaces_requests_out()
    {
        var config = _dir.Write("p.yaml", """
            run:
              output_dir: out
            model:
              samples_per_problem: 2
              concurrency: 16
              requests_per_minute: 600
            sources:
              - generator: arithmetic
                count: 15
            """);
        var clock = Stopwatch.StartNew();
        var run = await TestSupport.Cli.RunAsync("run", "--config", config);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        // 30 requests at 10/s with a burst of 10: at least ~2 s.
        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(1.8), $"took only {clock.Elapsed}");
    }
}
