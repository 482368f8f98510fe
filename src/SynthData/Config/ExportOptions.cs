using System.ComponentModel.DataAnnotations;

namespace SynthData.Config;

public enum ReasoningFormat
{
    /// <summary><c>&lt;think&gt;…&lt;/think&gt;</c> followed by the answer, inside the assistant content.</summary>
    ThinkTags,
    /// <summary>The reasoning in a separate <c>reasoning_content</c> field of the assistant message.</summary>
    ReasoningContent,
}

/// <summary>The shape of <c>sft</c> rows.</summary>
public enum SftStyle
{
    /// <summary>
    /// TRL conversational prompt–completion: <c>prompt</c> (system?, user) and <c>completion</c> (the assistant
    /// message), so TRL's SFTTrainer computes the loss on the completion only by default; the whole conversation stays
    /// in <c>messages</c> for tools that read that.
    /// </summary>
    PromptCompletion,
    /// <summary>Only <c>messages</c> (TRL then trains on the prompt tokens too unless told <c>assistant_only_loss</c>).</summary>
    Messages,
}

public sealed class ExportOptions
{
    public ReasoningFormat Reasoning { get; set; } = ReasoningFormat.ThinkTags;

    /// <summary>Shape of the sft rows; prompt–completion by default so training skips the prompt tokens.</summary>
    public SftStyle SftStyle { get; set; } = SftStyle.PromptCompletion;

    /// <summary>Include the run's system prompt (when set) as the first message of each exported conversation.</summary>
    public bool IncludeSystemPrompt { get; set; } = true;

    /// <summary>
    /// Share of problems held out as the test split (0: no split). A problem's split depends only on (seed, problem
    /// id), so it never moves when later runs add problems.
    /// </summary>
    [Range(0.0, 1.0)]
    public double TestFraction { get; set; }

    /// <summary>Seed of the train/test split (null: <c>run.seed</c>).</summary>
    public long? SplitSeed { get; set; }

    public DpoOptions Dpo { get; set; } = new();

    /// <summary>
    /// Which samples to export when the ledger holds samples drawn under several settings: <c>current</c> (those drawn
    /// under the config's settings), <c>all</c>, or a settings fingerprint (<c>synthdata stats</c> lists them).
    /// </summary>
    [Required, MinLength(1)]
    public string Settings { get; set; } = "current";

    /// <summary>
    /// <c>data_source</c> of RL rows (verl picks its reward function by it). Null: <c>synthdata/ABILITY/SOURCE</c>, which
    /// the shipped reward function reads; e.g. <c>lighteval/MATH</c> makes verl use its built-in math scorer.
    /// </summary>
    public string? RlDataSource { get; set; }
}

/// <summary>How preference pairs are formed.</summary>
public sealed class DpoOptions
{
    /// <summary>Pairs per problem at most; each pair uses a different rejected attempt, chosen ones are reused in turn.</summary>
    [Range(1, 1024)]
    public int PairsPerProblem { get; set; } = 1;

    /// <summary>
    /// Verdict kinds usable as the rejected side, most preferred first (within a kind, the lowest sample index first).
    /// Kinds not listed are never used.
    /// </summary>
    public List<string> RejectedKinds { get; set; } =
        ["wrong_answer", "failed", "no_answer", "no_code", "timeout", "memory", "output_limit", "truncated"];
}
