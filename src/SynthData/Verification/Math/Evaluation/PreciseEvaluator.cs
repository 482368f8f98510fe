using System.Numerics;
using SynthData.Verification.Math.Syntax;

namespace SynthData.Verification.Math.Evaluation;

/// <summary>
/// Evaluates real expressions built from rationals, + - * /, rational powers and roots, pi and e, at
/// <see cref="BigFloat.Precision"/> bits. Anything else (trig, logs, complex values) gives null: "not confirmable".
/// </summary>
internal sealed class PreciseEvaluator(CheckBudget budget, IReadOnlyDictionary<string, BigFloat>? variables = null)
{
    private const int GuardBits = 64;
    private static readonly Lazy<BigFloat> Pi = new(ComputePi);
    private static readonly Lazy<BigFloat> E = new(ComputeE);

    /// <summary>log2 of the largest addend met, the scale of rounding noise after cancellation.</summary>
    public long ScaleLog2 { get; private set; } = long.MinValue / 2;

    public BigFloat? Evaluate(Expr expr)
    {
        budget.Tick();
        if (expr is not Sym && ExprFacts.FreeSymbols(expr).Count == 0 && ExactEvaluator.Evaluate(expr, budget) is { } exact)
            return BigFloat.FromRational(exact);
        return expr switch
        {
            Sym s => variables is not null && variables.TryGetValue(s.Name, out var v) ? v : null,
            Const { Kind: ConstKind.Pi } => Pi.Value,
            Const { Kind: ConstKind.E } => E.Value,
            Neg n => Evaluate(n.Operand)?.Negate(),
            Percent p => Evaluate(p.Operand) is { } x && BigFloat.FromRational(new BigRational(1, 100)) is { } hundredth ? BigFloat.Multiply(x, hundredth) : null,
            Call { Name: "degrees", Args: [var inner] } => Evaluate(inner),
            Add a => Fold(a.Terms, BigFloat.Add, noteScale: true),
            Mul m => Fold(m.Factors, BigFloat.Multiply),
            Div d => Evaluate(d.Numerator) is { } num && Evaluate(d.Denominator) is { } den ? BigFloat.Divide(num, den) : null,
            Pow p => Power(p),
            _ => null,
        };
    }

    private BigFloat? Fold(Expr[] operands, Func<BigFloat, BigFloat, BigFloat?> combine, bool noteScale = false)
    {
        BigFloat? acc = null;
        foreach (var operand in operands)
        {
            if (Evaluate(operand) is not { } value)
                return null;
            if (noteScale)
                ScaleLog2 = System.Math.Max(ScaleLog2, BigFloat.Magnitude(value));
            acc = acc is { } a ? combine(a, value) : value;
            if (acc is null)
                return null;
        }
        return acc;
    }

    private BigFloat? Power(Pow p)
    {
        if (ExactEvaluator.Evaluate(p.Exponent, budget) is not { } exponent || exponent.Denominator > 64
            || BigInteger.Abs(exponent.Numerator) > 1_000_000_000_000 || Evaluate(p.Base) is not { } b)
            return null;
        if (exponent.IsInteger)
            return BigFloat.Power(b, exponent.Numerator);
        return BigFloat.Root(b, (int)exponent.Denominator) is { } root ? BigFloat.Power(root, exponent.Numerator) : null;
    }

    private static BigFloat ComputePi()
    {
        const int bits = BigFloat.Precision + GuardBits;
        // Machin: pi = 16 atan(1/5) - 4 atan(1/239), in fixed point with `bits` fraction bits.
        var pi = 16 * ArctanOfInverse(5, bits) - 4 * ArctanOfInverse(239, bits);
        return BigFloat.Normalize(pi, -bits)!.Value;
    }

    private static BigInteger ArctanOfInverse(int x, int bits)
    {
        var term = (BigInteger.One << bits) / x;
        var sum = BigInteger.Zero;
        var squared = x * x;
        for (var k = 0; !term.IsZero; k++)
        {
            sum += (k % 2 == 0 ? term : -term) / (2 * k + 1);
            term /= squared;
        }
        return sum;
    }

    private static BigFloat ComputeE()
    {
        const int bits = BigFloat.Precision + GuardBits;
        var term = BigInteger.One << bits;
        var sum = BigInteger.Zero;
        for (var k = 1; !term.IsZero; k++)
        {
            sum += term;
            term /= k;
        }
        return BigFloat.Normalize(sum, -bits)!.Value;
    }
}
