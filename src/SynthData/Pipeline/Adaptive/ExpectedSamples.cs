using SynthData.Config;

namespace SynthData.Pipeline.Adaptive;

/// <summary>
/// How many samples adaptive budgets draw, on average, for a problem whose pass rate is p: the stopping rules walked
/// over every outcome of every wave (a binomial per wave), weighted by its probability. Exact, not simulated; the SFT
/// rule counts an accepted trace as kept (the quality filters are not predicted).
/// </summary>
public sealed class ExpectedSamples(ModelOptions model, SelectionOptions selection)
{
    private readonly StoppingRules _rules = new(model, selection);
    private readonly IReadOnlyList<int> _boundaries = WaveSchedule.Boundaries(model);

    public double For(double p)
    {
        // Probability of each accepted count s after the current boundary, among problems still sampling.
        var states = new Dictionary<int, double> { [0] = 1.0 };
        var drawn = 0;
        var expected = 0.0;
        foreach (var end in _boundaries)
        {
            states = Advance(states, end - drawn, p);
            drawn = end;
            var next = new Dictionary<int, double>();
            foreach (var (s, prob) in states)
            {
                if (end < model.SamplesPerProblem && _rules.Decide(end, s, Math.Min(s, selection.KeepPerProblem)).Decided)
                    expected += prob * end;
                else
                    next[s] = prob;
            }

            states = next;
        }

        return expected + (states.Values.Sum() * drawn);
    }

    private static Dictionary<int, double> Advance(Dictionary<int, double> states, int wave, double p)
    {
        var result = new Dictionary<int, double>();
        var binomial = new double[wave + 1];
        for (var x = 0; x <= wave; x++)
            binomial[x] = Math.Exp(LogChoose(wave, x) + (x == 0 ? 0 : x * Math.Log(p)) + (x == wave ? 0 : (wave - x) * Math.Log(1 - p)));
        foreach (var (s, prob) in states)
            for (var x = 0; x <= wave; x++)
                result[s + x] = result.GetValueOrDefault(s + x) + (prob * binomial[x]);
        return result;
    }

    private static double LogChoose(int n, int k)
    {
        var sum = 0.0;
        for (var i = 1; i <= k; i++)
            sum += Math.Log((double)(n - k + i) / i);
        return sum;
    }
}
