using System.Text.Json.Nodes;
using SynthData.Common;
using static System.FormattableString;

namespace SynthData.Problems.Generators.Math;

/// <summary>
/// Remainders and modular arithmetic; every answer is the least non-negative residue.
/// Levels: 1 = the remainder of a ≤ 200 divided by m ≤ 12 (sometimes as sharing sweets); 2 = a sum or product of
/// numbers up to 1000 modulo m ≤ 20; 3 = a^b mod m with b ≤ 20; 4 = a^b mod m with b ≤ 500 (or the last digit of a^b);
/// 5 = a^b mod m with b up to a million, or solving ax ≡ c (mod m) with gcd(a, m) = 1.
/// Metadata: <c>kind</c> (<c>remainder</c>, <c>sum</c>, <c>product</c>, <c>power</c>, <c>congruence</c>) and its numbers.
/// </summary>
public sealed class ModularArithmeticGenerator : MathProblemGenerator
{
    public override string Name => "modular_arithmetic";

    public override string Description =>
        "Remainders, sums and products mod m, modular powers by repeated squaring, and linear congruences at level 5.";

    protected override GeneratedProblem Create(SeededRandom rng, int difficulty) => difficulty switch
    {
        1 => Remainder(rng),
        2 => SumOrProduct(rng),
        3 => Power(rng, maxBase: 20, minExponent: 5, maxExponent: 20, maxModulus: 20),
        4 => rng.Chance(0.3) ? LastDigit(rng) : Power(rng, maxBase: 50, minExponent: 20, maxExponent: 500, maxModulus: 50),
        _ => rng.Chance(0.5) ? Congruence(rng) : Power(rng, maxBase: 99, minExponent: 1_000, maxExponent: 1_000_000, maxModulus: 100),
    };

    private static GeneratedProblem Remainder(SeededRandom rng)
    {
        var (a, m) = (rng.Next(20L, 200), rng.Next(3L, 12));
        var prompt = rng.Pick<Func<string>>(
        [
            () => Invariant($"What is the remainder when {a} is divided by {m}?"),
            () => Invariant($"Compute {a} mod {m}."),
            () => Invariant($"{a} sweets are shared equally among {m} children, each child getting as many as possible. How many sweets are left over?"),
        ])();
        var lines = new[] { Invariant($"{a} = {a / m} × {m} + {a % m}, and 0 ≤ {a % m} < {m}.") };
        return Problem(prompt, Invariant($"{a % m}"), lines, new JsonObject { ["kind"] = "remainder", ["a"] = a, ["m"] = m });
    }

    private static GeneratedProblem SumOrProduct(SeededRandom rng)
    {
        var (a, b, m) = (rng.Next(100L, 1000), rng.Next(100L, 1000), rng.Next(3L, 20));
        var product = rng.Chance(0.5);
        var symbol = product ? "×" : "+";
        var result = product ? a * b % m : (a + b) % m;
        var prompt = rng.Pick<Func<string>>(
        [
            () => Invariant($"What is the remainder when {a} {symbol} {b} is divided by {m}?"),
            () => Invariant($"Compute ({a} {symbol} {b}) mod {m}."),
        ])();
        var (ra, rb) = (a % m, b % m);
        var combined = product ? ra * rb : ra + rb;
        var lines = new[]
        {
            Invariant($"Reduce each number first: {a} ≡ {ra} and {b} ≡ {rb} (mod {m})."),
            Invariant($"Then {a} {symbol} {b} ≡ {ra} {symbol} {rb} = {combined} ≡ {result} (mod {m})."),
        };
        return Problem(prompt, Invariant($"{result}"), lines,
            new JsonObject { ["kind"] = product ? "product" : "sum", ["a"] = a, ["b"] = b, ["m"] = m });
    }

    private static GeneratedProblem Power(SeededRandom rng, long maxBase, long minExponent, long maxExponent, long maxModulus)
    {
        var (a, b, m) = (rng.Next(2L, maxBase), rng.Next(minExponent, maxExponent), rng.Next(3L, maxModulus));
        var prompt = rng.Pick<Func<string>>(
        [
            () => Invariant($"What is the remainder when {a}^{b} is divided by {m}?"),
            () => Invariant($"Compute {a}^{b} mod {m}."),
            () => Invariant($"Find the least non-negative integer r such that {a}^{b} ≡ r (mod {m})."),
        ])();
        var (result, lines) = RepeatedSquaring(a, b, m);
        return Problem(prompt, Invariant($"{result}"), lines, PowerMetadata(a, b, m));
    }

    private static GeneratedProblem LastDigit(SeededRandom rng)
    {
        var (a, b) = (rng.Next(2L, 99), rng.Next(20L, 500));
        var (result, lines) = RepeatedSquaring(a, b, 10);
        lines.Insert(0, "The last digit of a number is its remainder modulo 10.");
        return Problem(Invariant($"What is the last digit of {a}^{b}?"), Invariant($"{result}"), lines, PowerMetadata(a, b, 10));
    }

    private static JsonObject PowerMetadata(long a, long b, long m) =>
        new() { ["kind"] = "power", ["base"] = a, ["exponent"] = b, ["modulus"] = m };

    /// <summary>a^b mod m from the binary digits of b, with the work shown.</summary>
    private static (long Result, List<string> Lines) RepeatedSquaring(long a, long b, long m)
    {
        var bits = Convert.ToString(b, 2);
        var lines = new List<string>
        {
            Invariant($"Write the exponent in binary: {b} = {bits} in base 2, so {a}^{b} is a product of the powers {a}^(2^k) for the 1 bits."),
        };
        var square = a % m;
        var bitPowers = new List<(long Exponent, long Residue)>();
        for (var (k, e) = (0, b); e > 0; k++, e >>= 1)
        {
            var previous = square;
            if (k > 0)
            {
                square = previous * previous % m;
                lines.Add(Invariant($"{a}^{1L << k} ≡ {previous}^2 = {previous * previous} ≡ {square} (mod {m})"));
            }
            else
            {
                lines.Add(Invariant($"{a}^1 ≡ {square} (mod {m})"));
            }
            if ((e & 1) == 1)
                bitPowers.Add((1L << k, square));
        }
        lines.Add(Invariant($"Multiply the powers for the 1 bits ({string.Join(" + ", bitPowers.Select(p => p.Exponent))} = {b}), reducing mod {m} as we go:"));
        var result = bitPowers[0].Residue;
        var exponentSoFar = bitPowers[0].Exponent;
        foreach (var (exponent, residue) in bitPowers.Skip(1))
        {
            var product = result * residue;
            exponentSoFar += exponent;
            lines.Add(Invariant($"{a}^{exponentSoFar} ≡ {result} × {residue} = {product} ≡ {product % m} (mod {m})"));
            result = product % m;
        }
        if (bitPowers.Count == 1)
            lines.Add(Invariant($"{a}^{b} ≡ {result} (mod {m})"));
        return (result, lines);
    }

    private static GeneratedProblem Congruence(SeededRandom rng)
    {
        while (true)
        {
            var (a, m) = (rng.Next(2L, 99), rng.Next(5L, 100));
            var c = rng.Next(1L, m - 1);
            if (IntegerMath.Gcd(a, m) != 1 || a % m == 0 || a % m == 1)
                continue;
            var inverse = Inverse(a, m);
            var x = inverse * c % m;
            var prompt = rng.Pick<Func<string>>(
            [
                () => Invariant($"Find the smallest non-negative integer x such that {a}x ≡ {c} (mod {m})."),
                () => Invariant($"Solve {a}x ≡ {c} (mod {m}), giving the solution x with 0 ≤ x < {m}."),
            ])();
            var lines = new[]
            {
                Invariant($"Since gcd({a}, {m}) = 1, {a} has an inverse modulo {m}, and the solution is unique modulo {m}."),
                Invariant($"The extended Euclidean algorithm gives the inverse {inverse}: {a} × {inverse} = {a * inverse} = {a * inverse / m} × {m} + 1."),
                Invariant($"Multiply both sides by {inverse}: x ≡ {inverse} × {c} = {inverse * c} ≡ {x} (mod {m})."),
                Invariant($"Check: {a} × {x} = {a * x} = {a * x / m} × {m} + {c}."),
            };
            return Problem(prompt, Invariant($"{x}"), lines, new JsonObject { ["kind"] = "congruence", ["a"] = a, ["c"] = c, ["m"] = m });
        }
    }

    /// <summary>The inverse of a modulo m (gcd 1) by the extended Euclidean algorithm.</summary>
    private static long Inverse(long a, long m)
    {
        var (oldR, r) = (a % m, m);
        var (oldS, s) = (1L, 0L);
        while (r != 0)
        {
            var q = oldR / r;
            (oldR, r) = (r, oldR - q * r);
            (oldS, s) = (s, oldS - q * s);
        }
        return ((oldS % m) + m) % m;
    }
}
