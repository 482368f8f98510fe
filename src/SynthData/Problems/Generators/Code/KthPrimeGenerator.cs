using System.Text.Json.Nodes;
using SynthData.Common;

namespace SynthData.Problems.Generators.Code;

/// <summary>The k-th prime (1-based); difficulty raises k so that naive trial division of every number gets slow.</summary>
public sealed class KthPrimeGenerator : IProblemGenerator
{
    private const int MaxK = 20000;
    private static readonly Lazy<int[]> Primes = new(() => Sieve(MaxK));

    private const string Reference = """
        def kth_prime(k: int) -> int:
            limit = 16
            while True:
                sieve = bytearray([1]) * (limit + 1)
                sieve[0] = sieve[1] = 0
                for i in range(2, int(limit ** 0.5) + 1):
                    if sieve[i]:
                        sieve[i * i::i] = bytearray(len(range(i * i, limit + 1, i)))
                count = 0
                for n in range(limit + 1):
                    if sieve[n]:
                        count += 1
                        if count == k:
                            return n
                limit *= 2
        """;

    public string Name => "kth_prime";
    public string Description => "Python: the k-th prime number (1-based), k up to 20000";
    public ProblemDomain Domain => ProblemDomain.Code;
    public int MaxDifficulty => 5;

    public GeneratedProblem Generate(SeededRandom rng, int difficulty)
    {
        var maxK = difficulty switch { 1 => 10, 2 => 100, 3 => 1000, 4 => 5000, _ => MaxK };
        var ks = Enumerable.Range(0, 6 + difficulty * 2).Select(_ => rng.Next(1, maxK)).ToList();
        ks.AddRange([1, 2, maxK]);
        var tests = ks.Select(k => FunctionProblem.Test(JsonValue.Create(Primes.Value[k - 1]), JsonValue.Create(k))).ToList();
        return FunctionProblem.Create("kth_prime", "kth_prime(k: int) -> int", $"""
            Return the k-th prime number, counting from kth_prime(1) == 2, for 1 <= k <= {maxK}.
            All hidden tests together must finish within a few seconds.
            """, tests, Reference, difficulty);
    }

    private static int[] Sieve(int count)
    {
        var limit = 256;
        while (true)
        {
            var composite = new bool[limit + 1];
            var primes = new List<int>();
            for (var n = 2; n <= limit && primes.Count < count; n++)
            {
                if (composite[n])
                    continue;
                primes.Add(n);
                for (var m = (long)n * n; m <= limit; m += n)
                    composite[m] = true;
            }
            if (primes.Count >= count)
                return primes.ToArray();
            limit *= 2;
        }
    }
}
