using System.Text.Json;
using SynthData.Problems;
using SynthData.Selection;

namespace SynthData.Export;

/// <summary>
/// verl-style RL prompts: one row per problem whose pass rate lies in <c>selection.rl_pass_rate</c>, with the ground
/// truth and <c>extra_info.pass_rate</c>. JSONL here; <see cref="RlParquet"/> writes the same rows as Parquet.
/// </summary>
public sealed class RlExporter : IExporter
{
    public string Format => "rl";

    public async Task<int> WriteAsync(ExportContext context, TextWriter writer, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var row in Rows(context))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await JsonlRows.WriteAsync(writer, JsonSerializer.SerializeToNode(row)!).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    /// <summary>
    /// <c>synthdata/ABILITY/SOURCE</c>: <c>synthdata/math/arithmetic</c> for a generator, <c>synthdata/math/gsm8k_sample</c>
    /// for a dataset file. verl passes only data_source (not ability) to a reward function, so the ability rides in it
    /// for integrations/python/synthdata_reward.py; the source keeps verl's per-data_source metrics apart.
    /// </summary>
    public static string DefaultDataSource(Problem problem) =>
        $"synthdata/{problem.Domain.ToWire()}/" + (problem.Source.Kind == "dataset" ? Path.GetFileNameWithoutExtension(problem.Source.Name) : problem.Source.Name);

    public static IEnumerable<RlRow> Rows(ExportContext context)
    {
        var band = PassRateBand.Parse(context.Options.Selection.RlPassRate);
        var index = 0;
        foreach (var p in context.Problems)
        {
            if (p.PassRate is not { } rate || !band.Contains(rate))
                continue;
            var first = p.Attempts[0];
            yield return new RlRow
            {
                DataSource = context.Options.Export.RlDataSource ?? DefaultDataSource(p.Problem),
                Prompt = [.. Conversation.Prompt(first, context.Options.Export)
                    .Select(m => new RlMessage { Role = (string)m!["role"]!, Content = (string)m["content"]! })],
                Ability = p.Problem.Domain.ToWire(),
                RewardModel = new RlReward { Style = "rule", GroundTruth = GroundTruth.For(p.Problem) },
                ExtraInfo = new RlExtraInfo
                {
                    Split = p.Split,
                    Index = index++,
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
}
