using System.Numerics;
using SynthData.Verification.Math.Evaluation;
using SynthData.Verification.Math.Syntax;

namespace SynthData.Verification.Math.Equivalence;

/// <summary>
/// Compares two relations. Equations are equal when their sides agree for the same unknown (<c>x = 5</c> vs
/// <c>5 = x</c>) or when <c>lhs - rhs</c> of one is a non-zero constant multiple of the other's (sides swapped,
/// both sides scaled); inequalities likewise with a positive multiple after flipping <c>&gt;</c> into <c>&lt;</c>.
/// </summary>
internal sealed class RelationComparer(MathVerifierOptions options, CheckBudget budget)
{
    private const double RatioTolerance = 1e-8;

    public Comparison Compare(Relation gold, Relation pred, Func<Expr, Expr, Comparison> compareItems)
    {
        if (gold.Ops.Length != 1 || pred.Ops.Length != 1)
            return CompareChains(gold, pred, compareItems);
        var (gl, gop, gr) = (gold.Operands[0], Normalize(gold.Ops[0]), gold.Operands[1]);
        var (pl, pop, pr) = (pred.Operands[0], Normalize(pred.Ops[0]), pred.Operands[1]);

        if (gop is RelOp.Eq or RelOp.In && pop == gop && IsUnknown(gl) && IsUnknown(pl))
        {
            if (ExprFacts.Key(gl, budget) != ExprFacts.Key(pl, budget))
                return Comparison.No("equations for different unknowns");
            var sides = compareItems(gr, pr);
            return sides with { Reason = "same unknown; " + sides.Reason };
        }
        if (gop == RelOp.In || pop == RelOp.In)
            return Comparison.No("membership compared with another relation");

        if (gop is RelOp.Eq or RelOp.Ne)
        {
            if (pop != gop)
                return Comparison.No($"relation {gold.Ops[0]} vs {pred.Ops[0]}");
            return Proportional(Difference(gl, gr), Difference(pl, pr), positive: false);
        }
        if (!(Inequality(gl, gop, gr) is var (gd, gStrict) && Inequality(pl, pop, pr) is var (pd, pStrict)))
            return Comparison.No($"relation {gold.Ops[0]} vs {pred.Ops[0]}");
        if (gStrict != pStrict)
            return Comparison.No("strict vs non-strict inequality");
        return Proportional(gd, pd, positive: true);
    }

    private static bool IsAssignment(Relation r) =>
        r.Ops.All(op => op is RelOp.Eq or RelOp.Approx) && r.Ops[0] == RelOp.Eq && IsUnknown(r.Operands[0]);

    private static RelOp Normalize(RelOp op) => op == RelOp.Approx ? RelOp.Eq : op;

    /// <summary>
    /// A name being solved for or a named quantity: <c>x</c>, <c>a_3</c>, <c>f(x)</c>, <c>g^{-1}(x)</c>, <c>(x, y)</c>,
    /// a segment <c>AB</c> or <c>|AB|</c>, a ratio of named quantities <c>\frac{AB}{CD}</c> or <c>V_1:V_2</c>.
    /// Never an algebraic expression such as <c>2x + z</c> or <c>a^2</c>: <c>2x + z = 1</c> does not state that 1 is the answer.
    /// </summary>
    public static bool IsUnknown(Expr e) => e switch
    {
        Sym => true,
        Bracketed { Open: '(' } b => b.Items.All(i => i is Sym),
        Bracketed { Open: ':' } r => r.Items.All(IsNamedQuantity),
        Mul { Factors: [Sym or Pow { Base: Sym, Exponent: Neg { Operand: Num { Value.IsInteger: true } } }, ..] } m
            when m.Factors[0] is Sym || ((Pow)m.Factors[0]).Exponent is Neg { Operand: Num n } && n.Value == Evaluation.BigRational.One
            => m.Factors.Skip(1).All(f => f is Sym or Bracketed),
        Div d => IsNamedQuantity(d.Numerator) && IsNamedQuantity(d.Denominator),
        Call { Name: "abs", Args: [var inner] } => IsNamedQuantity(inner),
        _ => false,
    };

    private static bool IsNamedQuantity(Expr e) => e is Sym || IsSegment(e) || (e is Call { Name: "abs", Args: [var inner] } && IsNamedQuantity(inner));

    /// <summary>AB, ABC: points written side by side name a segment or an angle, not a product.</summary>
    private static bool IsSegment(Expr e) =>
        e is Mul m && m.Factors.All(f => f is Sym { Name: [var c] } && char.IsAsciiLetterUpper(c));

    /// <summary>
    /// The value a chain <c>x = 5 + 5 + 1 = 11</c> states: the last side that follows an <c>=</c>, so
    /// <c>x = 1/3 \approx 0.33</c> states 1/3 and its rounding does not have to be exact; all-<c>\approx</c> chains
    /// state their last side.
    /// </summary>
    public static Expr ChainValue(Relation r)
    {
        for (var i = r.Ops.Length - 1; i >= 0; i--)
        {
            if (r.Ops[i] == RelOp.Eq)
                return r.Operands[i + 1];
        }
        return r.Operands[^1];
    }

    private static Expr Difference(Expr left, Expr right) => new Add([left, new Neg(right)]);

    /// <summary>The inequality as "d &gt; 0" (strict) or "d &gt;= 0"; null for non-inequalities.</summary>
    private static (Expr Positive, bool Strict)? Inequality(Expr left, RelOp op, Expr right) => op switch
    {
        RelOp.Lt => (Difference(right, left), true),
        RelOp.Le => (Difference(right, left), false),
        RelOp.Gt => (Difference(left, right), true),
        RelOp.Ge => (Difference(left, right), false),
        _ => null,
    };

    private Comparison Proportional(Expr gold, Expr pred, bool positive)
    {
        if (!ExprFacts.IsScalar(gold) || !ExprFacts.IsScalar(pred))
            return Comparison.No("relation sides are not values");
        var variables = ExprFacts.FreeSymbols(gold);
        if (!variables.SetEquals(ExprFacts.FreeSymbols(pred)))
            return Comparison.No("relations in different variables");
        Complex? ratio = null;
        var valid = 0;
        foreach (var binding in RandomPoints.For(variables, options.RandomPoints * 2))
        {
            if (valid >= options.RandomPoints)
                break;
            var a = new NumericEvaluator(budget, binding).Evaluate(gold);
            var b = new NumericEvaluator(budget, binding).Evaluate(pred);
            if (!ScalarComparer.IsFinite(a) || !ScalarComparer.IsFinite(b) || Complex.Abs(b) < 1e-12 || Complex.Abs(a) < 1e-12)
                continue;
            var r = a / b;
            ratio ??= r;
            if (!ScalarComparer.Close(r, ratio.Value, RatioTolerance, 0))
                return Comparison.No($"relations differ at {RandomPoints.Describe(binding)}");
            valid++;
            if (variables.Count == 0)
                break;
        }
        if (ratio is not { } k || (variables.Count > 0 && valid < 3))
            return Comparison.No("could not evaluate the relations to compare them");
        if (positive && (k.Real <= 0 || System.Math.Abs(k.Imaginary) > RatioTolerance * Complex.Abs(k)))
            return Comparison.No("inequalities point opposite ways");
        if (variables.Count == 0)
            return Comparison.No("relations between constants are compared only as identical statements");
        return Comparison.Yes($"relations agree (one is {ScalarComparer.Show(k)} times the other)");
    }

    private Comparison CompareChains(Relation gold, Relation pred, Func<Expr, Expr, Comparison> compareItems)
    {
        // "x = 5 + 5 + 1 = 11" against "x = 11": assignments to the same unknown compare by the value they state.
        if (IsAssignment(gold) && IsAssignment(pred))
        {
            if (ExprFacts.Key(gold.Operands[0], budget) != ExprFacts.Key(pred.Operands[0], budget))
                return Comparison.No("equations for different unknowns");
            var values = compareItems(ChainValue(gold), ChainValue(pred));
            return values with { Reason = "same unknown, stated values: " + values.Reason };
        }
        if (gold.Ops.Length != pred.Ops.Length)
            return Comparison.No("relation chains of different length");
        var sameDirection = gold.Ops.SequenceEqual(pred.Ops);
        var reversed = gold.Ops.SequenceEqual(pred.Ops.Reverse().Select(IntervalReader.Flip));
        if (!sameDirection && !reversed)
            return Comparison.No("relation chains with different operators");
        var n = gold.Operands.Length;
        for (var i = 0; i < n; i++)
        {
            var other = sameDirection ? pred.Operands[i] : pred.Operands[n - 1 - i];
            if (!compareItems(gold.Operands[i], other).Equal)
                return Comparison.No($"relation chains differ at operand {i + 1}");
        }
        return Comparison.Yes("same relation chain");
    }
}
