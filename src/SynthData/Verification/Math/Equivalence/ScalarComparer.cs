using System.Numerics;
using SynthData.Verification.Math.Evaluation;
using SynthData.Verification.Math.Syntax;

namespace SynthData.Verification.Math.Equivalence;

/// <summary>
/// Compares two values or expressions. Order of evidence: exact rationals; exact-valued decimals as roundings
/// (policy below); complex double evaluation with a relative tolerance; for expressions with variables, evaluation
/// at seeded random points (both sides must use the same variables).
/// Rounded decimals: a decimal literal equals a value it is not exactly equal to only when it is that value
/// correctly rounded to the literal's own places and has at least
/// <see cref="MathVerifierOptions.RoundedDecimalMinSignificantDigits"/> significant digits (by default 1/3 ~ 0.333333,
/// not 0.3333; pi ~ 3.14159, not 3.1416). Two decimal literals are compared exactly (0.5 = 0.50, 2.4 != 2.41).
/// </summary>
internal sealed class ScalarComparer(MathVerifierOptions options, CheckBudget budget)
{
    /// <summary>Relative tolerance at random points, looser than for constants: expressions may be ill-conditioned there.</summary>
    private const double PointTolerance = 1e-8;

    /// <summary>Differences below this fraction of the largest cancelled magnitude are floating-point noise.</summary>
    private const double CancellationNoise = 1e-12;

    private const int MinValidPoints = 3;

    public Comparison Compare(Expr gold, Expr pred)
    {
        if (StripPercent(gold) is var (g, gPercent) && StripPercent(pred) is var (p, pPercent) && (gPercent || pPercent))
        {
            // "25%" answers "what percent" as 25; 0.25 is the same value. Either reading may match.
            var stripped = CompareValues(g, p);
            if (stripped.Equal)
                return Comparison.Yes(stripped.Reason + " (percent sign ignored)");
        }
        return CompareValues(gold, pred);
    }

    private static (Expr Inner, bool WasPercent) StripPercent(Expr e) => e switch
    {
        Percent p => (p.Operand, true),
        Neg { Operand: Percent p } => (new Neg(p.Operand), true),
        _ => (e, false),
    };

    private Comparison CompareValues(Expr gold, Expr pred)
    {
        var goldVars = ExprFacts.FreeSymbols(gold);
        var predVars = ExprFacts.FreeSymbols(pred);
        // 3x is not 3y; but sin^2 x + cos^2 x is 1, so one side may use fewer variables if values agree everywhere.
        if (!goldVars.IsSubsetOf(predVars) && !predVars.IsSubsetOf(goldVars))
            return Comparison.No($"different variables: {{{string.Join(",", goldVars)}}} vs {{{string.Join(",", predVars)}}}");
        goldVars.UnionWith(predVars);
        if (goldVars.Count > 0)
            return CompareAtRandomPoints(gold, pred, goldVars);

        var exactGold = ExactEvaluator.Evaluate(gold, budget);
        var exactPred = ExactEvaluator.Evaluate(pred, budget);
        if (exactGold is { } eg && exactPred is { } ep)
        {
            if (eg == ep)
                return Comparison.Yes($"exact: {Short(eg)}");
            return RoundingVerdict(gold, pred, eg.ToDouble(), ep.ToDouble(), eg, ep)
                ?? Comparison.No($"exact values differ: {Short(eg)} vs {Short(ep)}");
        }
        if (IsInfinity(gold) is { } gi && IsInfinity(pred) is { } pi)
            return gi == pi ? Comparison.Yes("both infinite, same sign") : Comparison.No("infinities of opposite sign");

        var goldEval = new NumericEvaluator(budget);
        var predEval = new NumericEvaluator(budget);
        var a = goldEval.Evaluate(gold);
        var b = predEval.Evaluate(pred);
        if (!IsFinite(a) || !IsFinite(b))
        {
            return ExprFacts.Key(gold, budget) == ExprFacts.Key(pred, budget)
                ? Comparison.Yes("same canonical form (not numerically evaluable)")
                : Comparison.No("not numerically comparable (undefined, infinite or out of range)");
        }
        var scale = System.Math.Max(goldEval.Scale, predEval.Scale);
        if (Close(a, b, options.RelativeTolerance, scale))
        {
            if (!DifferAtHighPrecision(gold, pred, null))
                return Comparison.Yes($"numerically equal within relative tolerance {options.RelativeTolerance:g2}: {Show(a)}");
            return RoundingVerdict(gold, pred, a.Real, b.Real, exactGold, exactPred, a.Imaginary == 0 && b.Imaginary == 0)
                ?? Comparison.No($"equal as doubles ({Show(a)}) but different at {BigFloat.Precision}-bit precision");
        }
        return RoundingVerdict(gold, pred, a.Real, b.Real, exactGold, exactPred, a.Imaginary == 0 && b.Imaginary == 0)
            ?? Comparison.No($"values differ: {Show(a)} vs {Show(b)}");
    }

    /// <summary>Applies the rounded-decimal policy when exactly one side is a decimal literal; null if it does not apply.</summary>
    private Comparison? RoundingVerdict(Expr gold, Expr pred, double goldValue, double predValue,
        BigRational? exactGold, BigRational? exactPred, bool real = true)
    {
        if (options.RoundedDecimalMinSignificantDigits <= 0 || !real)
            return null;
        var goldDecimal = DecimalOf(gold);
        var predDecimal = DecimalOf(pred);
        if ((goldDecimal is null) == (predDecimal is null))
            return null;
        var (literal, decimalValue, other, otherValue, otherExact) = predDecimal is not null
            ? (predDecimal, exactPred!.Value, gold, goldValue, exactGold)
            : (goldDecimal!, exactGold!.Value, pred, predValue, exactPred);
        var shown = decimalValue.ToDecimalString(literal.Places);
        if (literal.SignificantDigits < options.RoundedDecimalMinSignificantDigits)
            return Comparison.No($"{shown} has {literal.SignificantDigits} significant digits; a rounding needs {options.RoundedDecimalMinSignificantDigits}");
        var rounds = otherExact is { } exact
            ? exact.RoundToPlaces(literal.Places) == decimalValue
            : RoundsTo(other, otherValue, decimalValue, literal.Places);
        return rounds ? Comparison.Yes($"{shown} is the value correctly rounded to {literal.Places} places") : null;
    }

    /// <summary>|value - decimal| &lt;= half a unit in the decimal's last place, precisely when we can evaluate precisely.</summary>
    private bool RoundsTo(Expr other, double otherValue, BigRational decimalValue, int places)
    {
        var halfUnit = new BigRational(1, System.Numerics.BigInteger.Pow(10, places) * 2);
        if (new PreciseEvaluator(budget).Evaluate(other) is { } precise
            && BigFloat.FromRational(decimalValue) is { } d && BigFloat.FromRational(halfUnit) is { } half
            && BigFloat.Add(precise, d.Negate()) is { } difference
            && BigFloat.Add(half, difference.Sign < 0 ? difference : difference.Negate()) is { } slack)
        {
            return slack.Sign >= 0;
        }
        return places <= 12 && System.Math.Abs(otherValue - decimalValue.ToDouble()) <= halfUnit.ToDouble() * (1 + 1e-9);
    }

    private static DecimalLiteral? DecimalOf(Expr e) => e switch
    {
        Num { Decimal: { } d } => d,
        Neg { Operand: Num { Decimal: { } d } } => d,
        _ => null,
    };

    private static int? IsInfinity(Expr e) => e switch
    {
        Const { Kind: ConstKind.Infinity } => 1,
        Neg { Operand: Const { Kind: ConstKind.Infinity } } => -1,
        _ => null,
    };

    private Comparison CompareAtRandomPoints(Expr gold, Expr pred, SortedSet<string> variables)
    {
        var valid = 0;
        foreach (var binding in RandomPoints.For(variables, options.RandomPoints * 2))
        {
            if (valid >= options.RandomPoints)
                break;
            var goldEval = new NumericEvaluator(budget, binding);
            var predEval = new NumericEvaluator(budget, binding);
            var a = goldEval.Evaluate(gold);
            var b = predEval.Evaluate(pred);
            var aFinite = IsFinite(a);
            if (aFinite != IsFinite(b))
                return Comparison.No($"defined at different points ({RandomPoints.Describe(binding)})");
            if (!aFinite)
                continue;
            if (!Close(a, b, PointTolerance, System.Math.Max(goldEval.Scale, predEval.Scale)))
                return Comparison.No($"differ at {RandomPoints.Describe(binding)}: {Show(a)} vs {Show(b)}");
            if (valid < 2 && DifferAtHighPrecision(gold, pred, binding))
                return Comparison.No($"differ at {RandomPoints.Describe(binding)} at {BigFloat.Precision}-bit precision");
            valid++;
        }
        if (valid >= MinValidPoints)
            return Comparison.Yes($"equal at {valid} random points in {{{string.Join(",", variables)}}}");
        return ExprFacts.Key(gold, budget) == ExprFacts.Key(pred, budget)
            ? Comparison.Yes("same canonical form")
            : Comparison.No("could not evaluate at enough points to decide");
    }

    /// <summary>
    /// Doubles agree to ~1e-16 at best, so values closer than that (sqrt(2^100 + 1) and 2^50) look equal. Where both
    /// sides are real algebraic-with-pi-and-e expressions we recompute them precisely; true means "provably different".
    /// </summary>
    private bool DifferAtHighPrecision(Expr gold, Expr pred, Dictionary<string, Complex>? binding)
    {
        Dictionary<string, BigFloat>? precise = null;
        if (binding is not null)
        {
            precise = new Dictionary<string, BigFloat>(StringComparer.Ordinal);
            foreach (var (name, value) in binding)
            {
                if (value.Imaginary != 0 || BigFloat.FromDouble(value.Real) is not { } v)
                    return false;
                precise[name] = v;
            }
        }
        var goldEval = new PreciseEvaluator(budget, precise);
        var predEval = new PreciseEvaluator(budget, precise);
        var a = goldEval.Evaluate(gold);
        var b = predEval.Evaluate(pred);
        var scale = System.Math.Max(goldEval.ScaleLog2, predEval.ScaleLog2);
        return a is { } x && b is { } y && !BigFloat.RelativelyClose(x, y, BigFloat.Precision - 56, scale);
    }

    public static bool Close(Complex a, Complex b, double relative, double scale)
    {
        var difference = Complex.Abs(a - b);
        if (difference == 0)
            return true;
        var magnitude = System.Math.Max(Complex.Abs(a), Complex.Abs(b));
        return difference <= relative * magnitude || difference <= CancellationNoise * scale;
    }

    public static bool IsFinite(Complex c) => double.IsFinite(c.Real) && double.IsFinite(c.Imaginary);

    private static string Short(BigRational r)
    {
        var text = r.ToString();
        return text.Length <= 40 ? text : text[..18] + "..." + text[^18..];
    }

    public static string Show(Complex c) =>
        c.Imaginary == 0 ? c.Real.ToString("g10", System.Globalization.CultureInfo.InvariantCulture)
            : $"{c.Real.ToString("g10", System.Globalization.CultureInfo.InvariantCulture)}{(c.Imaginary < 0 ? "-" : "+")}{System.Math.Abs(c.Imaginary).ToString("g10", System.Globalization.CultureInfo.InvariantCulture)}i";
}
