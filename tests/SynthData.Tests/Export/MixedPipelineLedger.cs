namespace SynthData.Tests.Export;

/// <summary>
/// A real ledger over math and code sources (generated and imported, so several licences), with a system prompt, and
/// every problem in the RL band, so each training format has rows of both abilities. Built once per test class.
/// </summary>
public sealed class MixedPipelineLedger : PipelineLedger
{
    public const string SystemPrompt = "You are a careful solver. Check every step.";

    public MixedPipelineLedger()
        : base(Yaml)
    {
    }

    private static string Yaml(string extra) => $"""
            run:
              output_dir: out
              seed: 21
            model:
              provider: simulated
              samples_per_problem: 4
              accuracy: 0.6
              max_tokens: 400
              system_prompt: "{SystemPrompt}"
            verification:
              code:
                max_parallel_checks: 2
            selection:
              rl_pass_rate: "[0, 1]"
            {extra}
            sources:
              - generator: arithmetic
                count: 6
                difficulty: 2
                seed: 4
              - dataset: {RepoProblem("gsm8k_sample.jsonl")}
                format: gsm8k
                limit: 4
              - generator: run_length_encoding
                count: 3
                difficulty: 2
                seed: 4
              - dataset: {RepoProblem("humaneval_sample.jsonl")}
                format: humaneval
                limit: 3
            """;
}
