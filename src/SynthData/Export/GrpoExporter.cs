using SynthData.Config;
using SynthData.Problems;
using SynthData.Selection;

namespace SynthData.Export;

/// <summary>
/// TRL GRPOTrainer prompts: the problems of the RL band (<c>selection.rl_pass_rate</c>), one row each, with the
/// prompt as sent and the ground truth as the top-level <c>solution</c> column. JSONL, JSON or Parquet.
/// </summary>
public sealed class GrpoExporter : TypedExporter<GrpoRow>
{
    public override string Format => "grpo";

    public override IEnumerable<GrpoRow> TypedRows(CuratedProblem p, PipelineOptions options, int written)
    {
        if (RlExporter.PassRateInBand(p, options) is not { } rate)
            yield break;
        var first = p.Attempts[0];
        yield return new GrpoRow
        {
            Prompt = RlMessage.Prompt(first, options.Export),
            Solution = GroundTruth.For(p.Problem),
            Ability = p.Problem.Domain.ToWire(),
            ProblemId = p.Problem.Id,
            Split = p.Split,
            PassRate = rate,
            Samples = p.Verified,
            Accepted = p.Accepted,
            Model = first.Attempt.Model,
            Source = SourceRecord.From(p.Problem.Source),
        };
    }
}
