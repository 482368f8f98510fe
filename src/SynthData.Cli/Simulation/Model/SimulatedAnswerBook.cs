using SynthData.Problems;

namespace SynthData.Cli.Simulation.Model;

/// <summary>
/// What the simulated model "knows": the registered problems, found again inside whatever chat template the
/// client wrapped around their prompts.
/// </summary>
/// <remarks>
/// Lookup is Rabin–Karp over the whitespace-normalised request text: every registered prompt is keyed by a rolling
/// hash of its first <see cref="KeyLength"/> characters (or of all of it when shorter), and each position of the
/// request is probed once per distinct key length. Cost is O(request length × distinct short lengths), independent of
/// how many problems are registered. When several prompts occur, the longest wins (a prompt that merely contains a
/// shorter registered prompt is still itself); among equal prompts the first registered wins.
/// </remarks>
public sealed class SimulatedAnswerBook
{
    private const int KeyLength = 32;
    private const ulong Multiplier = 0x100000001B3UL;

    private static readonly ulong[] Powers = ComputePowers();

    private readonly Dictionary<int, Dictionary<ulong, List<Entry>>> _byKeyLength = [];
    private readonly int[] _keyLengths;

    public SimulatedAnswerBook(IEnumerable<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            var prompt = ProblemId.Normalize(problem.Prompt);
            if (prompt.Length == 0 || !seen.Add(prompt))
                continue;
            var keyLength = Math.Min(KeyLength, prompt.Length);
            if (!_byKeyLength.TryGetValue(keyLength, out var table))
                _byKeyLength[keyLength] = table = [];
            var key = Hash(prompt.AsSpan(0, keyLength));
            if (!table.TryGetValue(key, out var bucket))
                table[key] = bucket = [];
            bucket.Add(new Entry(prompt, problem));
        }
        Count = seen.Count;
        _keyLengths = [.. _byKeyLength.Keys.Order()];
    }

    public static SimulatedAnswerBook Empty { get; } = new([]);

    /// <summary>Number of distinct (normalised) prompts registered.</summary>
    public int Count { get; }

    /// <summary>The registered problem whose prompt occurs in <paramref name="text"/>, or <c>null</c>.</summary>
    public Problem? Find(string text)
    {
        if (Count == 0)
            return null;
        var haystack = ProblemId.Normalize(text);
        var prefix = PrefixHashes(haystack);
        Entry? best = null;
        for (var start = 0; start < haystack.Length; start++)
        {
            foreach (var keyLength in _keyLengths)
            {
                var end = start + keyLength;
                if (end > haystack.Length)
                    break;
                var key = prefix[end] - (prefix[start] * Power(keyLength));
                if (!_byKeyLength[keyLength].TryGetValue(key, out var bucket))
                    continue;
                foreach (var entry in bucket)
                {
                    if ((best is null || entry.Prompt.Length > best.Prompt.Length)
                        && start + entry.Prompt.Length <= haystack.Length
                        && string.CompareOrdinal(haystack, start, entry.Prompt, 0, entry.Prompt.Length) == 0)
                        best = entry;
                }
            }
        }
        return best?.Problem;
    }

    private static ulong Hash(ReadOnlySpan<char> text)
    {
        ulong h = 0;
        foreach (var c in text)
            h = (h * Multiplier) + c;
        return h;
    }

    private static ulong[] PrefixHashes(string text)
    {
        var prefix = new ulong[text.Length + 1];
        for (var i = 0; i < text.Length; i++)
            prefix[i + 1] = (prefix[i] * Multiplier) + text[i];
        return prefix;
    }

    private static ulong Power(int exponent) => Powers[exponent];

    private static ulong[] ComputePowers()
    {
        var powers = new ulong[KeyLength + 1];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
            powers[i] = powers[i - 1] * Multiplier;
        return powers;
    }

    private sealed record Entry(string Prompt, Problem Problem);
}
