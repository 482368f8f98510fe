using SynthData.Config;

namespace SynthData.Pipeline.Adaptive;

/// <summary>
/// Where a problem's waves end: first_wave, then every wave_size more, up to samples_per_problem. A boundary is rounded
/// up to a whole request (samples_per_request) so a wave never splits one request's choices. Fixed by the config alone.
/// </summary>
public static class WaveSchedule
{
    public static IReadOnlyList<int> Boundaries(ModelOptions model)
    {
        var k = model.SamplesPerProblem;
        var per = Math.Max(1, model.SamplesPerRequest);
        var list = new List<int>();
        for (var end = model.Adaptive.FirstWave; ; end += model.Adaptive.WaveSize)
        {
            var rounded = Math.Min(k, (end + per - 1) / per * per);
            if (list.Count == 0 || rounded > list[^1])
                list.Add(rounded);
            if (rounded >= k)
                return list;
        }
    }
}
