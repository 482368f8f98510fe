namespace SynthData.Selection.Quality;

/// <summary>
/// Finds reasoning that drifts into another writing system (e.g. Chinese phrases inside an English trace, a known
/// failure of multilingual reasoning models). Latin (variables, code) and Greek (math symbols) are always allowed, as
/// is any script the prompt itself uses.
/// </summary>
public static class ScriptMix
{
    /// <summary>A trace may carry a couple of stray letters (a name, a symbol) before it counts as mixed.</summary>
    public const int MaxForeignLetters = 2;

    public enum Script { None, Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Bengali, Thai, Hangul, Kana, Han, Other }

    public static bool IsMixed(string trace, string prompt) => ForeignLetters(trace, prompt) > MaxForeignLetters;

    /// <summary>Letters in scripts other than the trace's dominant one, Latin, Greek, and those of the prompt.</summary>
    public static int ForeignLetters(string trace, string prompt)
    {
        var counts = Count(trace);
        if (counts.Count == 0)
            return 0;
        var allowed = Count(prompt).Keys.ToHashSet();
        allowed.Add(Script.Latin);
        allowed.Add(Script.Greek);
        allowed.Add(counts.MaxBy(kv => kv.Value).Key);
        return counts.Where(kv => !allowed.Contains(kv.Key)).Sum(kv => kv.Value);
    }

    private static Dictionary<Script, int> Count(string text)
    {
        var counts = new Dictionary<Script, int>();
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
                continue;
            var s = Of(c);
            counts[s] = counts.GetValueOrDefault(s) + 1;
        }

        return counts;
    }

    public static Script Of(char c) => c switch
    {
        <= '\u024F' => Script.Latin,
        >= '\u1E00' and <= '\u1EFF' => Script.Latin,
        >= '\u0370' and <= '\u03FF' => Script.Greek,
        >= '\u1F00' and <= '\u1FFF' => Script.Greek,
        >= '\u0400' and <= '\u052F' => Script.Cyrillic,
        >= '\u0530' and <= '\u058F' => Script.Armenian,
        >= '\u0590' and <= '\u05FF' => Script.Hebrew,
        >= '\u0600' and <= '\u06FF' => Script.Arabic,
        >= '\u0900' and <= '\u097F' => Script.Devanagari,
        >= '\u0980' and <= '\u09FF' => Script.Bengali,
        >= '\u0E00' and <= '\u0E7F' => Script.Thai,
        >= '\u1100' and <= '\u11FF' => Script.Hangul,
        >= '\uAC00' and <= '\uD7AF' => Script.Hangul,
        >= '\u3040' and <= '\u30FF' => Script.Kana,
        >= '\u3400' and <= '\u4DBF' => Script.Han,
        >= '\u4E00' and <= '\u9FFF' => Script.Han,
        >= '\uF900' and <= '\uFAFF' => Script.Han,
        >= '\u2100' and <= '\u214F' => Script.Latin, // letterlike symbols (ℝ, ℕ) are math notation
        _ => Script.Other,
    };
}
