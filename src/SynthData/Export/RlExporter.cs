using SynthData.Config;
using SynthData.Problems;
using SynthData.Selection;

namespace SynthData.Export;

/// <summary>
/// verl-style RL prompts: one row per problem whose pass rate lies in <c>selection.rl_pass_rate</c>, with the ground
/// truth and <c>extra_info.pass_rate</c>. The same typed rows are written as JSONL and as Parquet.
/// </summary>
public sealed class RlExporter : TypedExporter<RlRow>
{
    public override string Format => "rl";

    /// <summary>
    /// <c>synthdata/ABILITY/SOURCE</c>: <c>synthdata/math/arithmetic</c> for a generator, <c>synthdata/math/gsm8k_sample</c>
    /// for a dataset file. verl passes only data_source (not ability) to a reward function, so the ability rides in it
    /// for integrations/python/synthdata_reward.py; the source keeps verl's per-data_source metrics apart.
    /// </summary>
    public static string DefaultDataSource(Problem problem) =>
        $"synthdata/{problem.Domain.ToWire()}/" + (problem.Source.Kind == "dataset" ? Path.GetFileNameWithoutExtension(problem.Source.Name) : problem.Source.Name);

    /// <summary>The problem's pass rate when it lies in the RL band (<c>selection.rl_pass_rate</c>), else null.</summary>
    public static double? PassRateInBand(CuratedProblem p, PipelineOptions options) =>
        p.PassRate is { } rate && PassRateBand.Parse(options.Selection.RlPassRate).Contains(rate) ? rate : null;

    public override IEnumerable<RlRow> TypedRows(CuratedProblem p, PipelineOptions options, int written)
    {
        if (PassRateInBand(p, options) is not { } rate)
            yield break;
        var first = p.Attempts[0];
        yield return new RlRow
        {
            DataSource = options.Export.RlDataSource ?? DefaultDataSource(p.Problem),
            Prompt = RlMessage.Prompt(first, options.Export),
            Ability = p.Problem.Domain.ToWire(),
            RewardModel = new RlReward { Style = "rule", GroundTruth = GroundTruth.For(p.Problem) },
            ExtraInfo = new RlExtraInfo
            {
                Split = p.Split,
                Index = written,
                ProblemId = p.Problem.Id,
                PassRate = rate,
                MeanScore = p.MeanScore ?? rate,
                Samples = p.Verified,
                Accepted = p.Accepted,
                Source = p.Problem.Source.Name,
                Difficulty = p.Problem.Source.Difficulty,
                Model = first.Attempt.Model,
            },
        };
    }
}
