using System.Text.Json.Nodes;

namespace SynthData.Problems;

/// <summary>
/// One problem, as printed by <c>synthdata generate</c> and stored in the ledger (DESIGN.md §3).
/// The id is a content hash (see <see cref="ProblemId"/>), so the same problem from two sources is one problem.
/// </summary>
public sealed record Problem
{
    public required string Id { get; init; }
    public required ProblemDomain Domain { get; init; }
    public required string Prompt { get; init; }

    /// <summary>Reference answer for math problems (may be <c>\boxed{}</c>-wrapped).</summary>
    public string? Answer { get; init; }

    /// <summary>Python test code run after the program (HumanEval <c>check(candidate)</c> or MBPP asserts).</summary>
    public string? Tests { get; init; }

    public string? EntryPoint { get; init; }

    /// <summary>Stdin/stdout cases, judged outside the sandbox.</summary>
    public IReadOnlyList<IoTest>? IoTests { get; init; }

    /// <summary>Call-based data-driven cases (generated code problems), judged outside the sandbox with type-aware comparison.</summary>
    public IReadOnlyList<FunctionTest>? FunctionTests { get; init; }

    /// <summary>A worked reference solution (math: steps ending in the answer; code: a reference program). Never part of the id.</summary>
    public string? Solution { get; init; }

    public required ProblemOrigin Source { get; init; }

    public JsonObject? Metadata { get; init; }
}

public sealed record IoTest(string Stdin, string ExpectedStdout);

/// <summary>One call of the entry point: positional JSON arguments and the JSON value it must return.</summary>
public sealed record FunctionTest(JsonArray Args, JsonNode? Expected);

/// <summary>Where a problem came from: provenance carried into every output record.</summary>
public sealed record ProblemOrigin
{
    /// <summary><c>generator</c> or <c>dataset</c>.</summary>
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public long? Seed { get; init; }
    public int? Difficulty { get; init; }
    /// <summary>1-based line (JSONL) or record (CSV) number in the dataset file.</summary>
    public long? Row { get; init; }
    /// <summary>Licence of an imported dataset (SPDX-style id such as <c>MIT</c>, or free text), when known.</summary>
    public string? License { get; init; }

    public static ProblemOrigin Generator(string name, long seed, int difficulty) =>
        new() { Kind = "generator", Name = name, Seed = seed, Difficulty = difficulty };

    public static ProblemOrigin Dataset(string name, long row) =>
        new() { Kind = "dataset", Name = name, Row = row };
}
