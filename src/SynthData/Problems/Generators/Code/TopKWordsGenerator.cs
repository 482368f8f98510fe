using System.Text.Json.Nodes;
using SynthData.Common;

namespace SynthData.Problems.Generators.Code;

/// <summary>The k most frequent words with alphabetical tie-breaking; higher levels add case, punctuation and many ties.</summary>
public sealed class TopKWordsGenerator : IProblemGenerator
{
    private static readonly string[] Vocabulary =
        ["apple", "banana", "cherry", "delta", "echo", "fig", "grape", "hotel", "india", "juliet", "kilo", "lima", "mango", "nut", "oscar", "pear"];

    private const string Reference = """
        import re
        from collections import Counter

        def top_k_words(text: str, k: int) -> list[str]:
            counts = Counter(re.findall(r"[a-z]+", text.lower()))
            ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            return [word for word, _ in ranked[:k]]
        """;

    public string Name => "top_k_words";
    public string Description => "Python: the k most frequent words, ties broken alphabetically, case-insensitive";
    public ProblemDomain Domain => ProblemDomain.Code;
    public int MaxDifficulty => 5;

    public GeneratedProblem Generate(SeededRandom rng, int difficulty)
    {
        var tests = new List<Problems.FunctionTest>();
        var vocabulary = Vocabulary[..(3 + difficulty * 2)];
        for (var i = 0; i < 8 + difficulty * 2; i++)
        {
            var words = Enumerable.Range(0, rng.Next(1, 5 + difficulty * 6)).Select(_ => Decorate(rng, rng.Pick(vocabulary), difficulty)).ToList();
            var text = string.Join(difficulty >= 3 && rng.Chance(0.3) ? "  " : " ", words);
            var k = rng.Next(1, vocabulary.Length + (difficulty >= 2 ? 2 : 0));
            var expected = new JsonArray(TopK(text, k).Select(w => (JsonNode?)JsonValue.Create(w)).ToArray());
            tests.Add(FunctionProblem.Test(expected, JsonValue.Create(text), JsonValue.Create(k)));
        }
        return FunctionProblem.Create("top_k_words", "top_k_words(text: str, k: int) -> list[str]", """
            A word is a maximal run of ASCII letters; compare words case-insensitively and return them lowercased.
            Return the k most frequent words, most frequent first; words with equal counts are ordered
            alphabetically. If there are fewer than k distinct words, return all of them.
            """, tests, Reference, difficulty);
    }

    internal static IEnumerable<string> TopK(string text, int k)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text.ToLowerInvariant() + " ")
        {
            if (c is >= 'a' and <= 'z')
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        return words.GroupBy(w => w, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(k).Select(g => g.Key);
    }

    private static string Decorate(SeededRandom rng, string word, int difficulty)
    {
        if (difficulty >= 2 && rng.Chance(0.3))
            word = char.ToUpperInvariant(word[0]) + word[1..];
        if (difficulty >= 4 && rng.Chance(0.2))
            word = word.ToUpperInvariant();
        if (difficulty >= 3 && rng.Chance(0.25))
            word += rng.Pick([",", ".", "!", "?", ";"]);
        return word;
    }
}
