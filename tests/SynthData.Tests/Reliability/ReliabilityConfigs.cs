namespace SynthData.Tests.Reliability;

/// <summary>Small pipeline configs shared by the chaos, crash and outage tests.</summary>
internal static class ReliabilityConfigs
{
    /// <summary>A mix of every fault kind adding up to 20% of requests ("slow" is left out only to keep the test fast).</summary>
    public const string TwentyPercentFaults =
        "429=0.04,500=0.03,502=0.02,503=0.02,hang=0.01,reset=0.02,badjson=0.02,truncate=0.01,empty=0.01,nullcontent=0.01,huge=0.005,badutf8=0.005";

    public static string Config(string outputDir, string? faults = null, int count = 8, int latencyMs = 0, string extraModel = "",
        double retryBaseSeconds = 0.01, double retryMaxSeconds = 0.05, int maxRetries = 30) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"""
        run:
          output_dir: {outputDir}
          seed: 5
        model:
          provider: simulated
          samples_per_problem: 3
          concurrency: 6
          accuracy: 0.6
          latency_ms: {latencyMs}
          request_timeout_seconds: 2
          max_retries: {maxRetries}
          retry_base_delay_seconds: {retryBaseSeconds}
          retry_max_delay_seconds: {retryMaxSeconds}
          faults: {(faults is null ? "null" : "\"" + faults + "\"")}
        {extraModel}
        selection:
          keep_per_problem: 3
        sources:
          - generator: arithmetic
            count: {count}
            difficulty: 2
          - generator: linear_system
            count: {count}
            difficulty: 2
        """);
}
