using SynthData.Common;

namespace SynthData.Cli.Simulation.Model;

/// <summary>
/// Per-problem pass rates of the simulated model, so that some problems are always solved, some never, and most in
/// between, as with a real model. A problem's pass rate is sigmoid(logit(accuracy) + spread × z), where z is a standard
/// normal drawn from (seed, problem id) alone: the same problem is as hard in every run and every request. A spread of
/// 0 gives every problem the accuracy itself. Raising the accuracy raises every problem's pass rate.
/// </summary>
public sealed record ProblemDifficulty(double Accuracy, double Spread = 0, long Seed = 0)
{
    public double PassRate(string problemId)
    {
        if (Spread == 0 || Accuracy is <= 0 or >= 1)
            return Accuracy;
        var rng = SeededRandom.ForItem(Seed, 0, "difficulty:" + problemId);
        // Box-Muller; 1 - u keeps the logarithm's argument in (0, 1].
        var z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var logit = Math.Log(Accuracy / (1 - Accuracy)) + (Spread * z);
        return 1 / (1 + Math.Exp(-logit));
    }
}
