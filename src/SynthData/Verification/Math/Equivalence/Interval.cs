using SynthData.Verification.Math.Syntax;

namespace SynthData.Verification.Math.Equivalence;

/// <summary>One real interval; infinite ends are <see cref="Const"/> infinity (negated for the lower end).</summary>
internal sealed record Interval(Expr Low, bool LowClosed, Expr High, bool HighClosed);

/// <summary>
/// Reads interval-like answers as a union of intervals: <c>[1,5)</c>, <c>(-\infty,2] \cup (3,\infty)</c>,
/// <c>\mathbb{R}</c>, and solved one-variable inequalities (<c>x &gt; 1</c>, <c>1 &lt; x \le 3</c>,
/// <c>x &lt; -2</c> or <c>x &gt; 2</c>, <c>x \in [0,1]</c>).
/// </summary>
internal static class IntervalReader
{
    private static readonly Expr PlusInfinity = new Const(ConstKind.Infinity);
    private static readonly Expr MinusInfinity = new Neg(new Const(ConstKind.Infinity));

    public static List<Interval>? Read(Expr expr)
    {
        switch (expr)
        {
            case Bracketed { Items.Length: 2 } b when b.Open is '(' or '[' && b.Close is ')' or ']':
                return [new Interval(b.Items[0], b.Open == '[', b.Items[1], b.Close == ']')];
            case SetOp { Kind: SetOpKind.Union } u:
                return Read(u.Left) is { } left && Read(u.Right) is { } right ? [.. left, .. right] : null;
            case SetOf s:
                // {-1} in {-1} U [0, 7) is the degenerate interval [-1, -1].
                return [.. s.Items.Select(point => new Interval(point, true, point, true))];
            case NamedSet { Name: "R" }:
                return [new Interval(MinusInfinity, false, PlusInfinity, false)];
            case NamedSet { Name: "empty" }:
                return [];
            case Relation r:
                return FromRelation(r);
            case AnswerList l when l.Items.All(i => i is Relation):
            {
                var all = new List<Interval>();
                foreach (var item in l.Items)
                {
                    if (Read(item) is not { } part)
                        return null;
                    all.AddRange(part);
                }
                return all;
            }
            default:
                return null;
        }
    }

    /// <summary>True for answers that are intervals whatever the other side is (not a bare pair like (1,2)).</summary>
    public static bool IsDefinitelyIntervals(Expr expr) => expr switch
    {
        Bracketed { Items.Length: 2 } b => b.Open == '[' || b.Close == ']' || b.Items.Any(IsInfinite),
        SetOp or NamedSet or Relation => true,
        AnswerList l => l.Items.Any(i => i is Relation),
        _ => false,
    };

    private static bool IsInfinite(Expr e) => e is Const { Kind: ConstKind.Infinity } or Neg { Operand: Const { Kind: ConstKind.Infinity } };

    private static List<Interval>? FromRelation(Relation r)
    {
        if (r.Ops.Length == 1 && r.Ops[0] == RelOp.In && RelationComparer.IsUnknown(r.Operands[0]))
            return Read(r.Operands[1]);
        if (r.Ops.Length == 1)
        {
            var (left, op, right) = (r.Operands[0], r.Ops[0], r.Operands[1]);
            if (RelationComparer.IsUnknown(left) && ExprFacts.FreeSymbols(right).Count == 0)
                return Bound(op, right);
            if (RelationComparer.IsUnknown(right) && ExprFacts.FreeSymbols(left).Count == 0)
                return Bound(Flip(op), left);
            return null;
        }
        if (r.Ops.Length == 2 && RelationComparer.IsUnknown(r.Operands[1]) && ExprFacts.FreeSymbols(r.Operands[0]).Count == 0
            && ExprFacts.FreeSymbols(r.Operands[2]).Count == 0)
        {
            var (a, op1, op2, b) = (r.Operands[0], r.Ops[0], r.Ops[1], r.Operands[2]);
            if (op1 is RelOp.Lt or RelOp.Le && op2 is RelOp.Lt or RelOp.Le)
                return [new Interval(a, op1 == RelOp.Le, b, op2 == RelOp.Le)];
            if (op1 is RelOp.Gt or RelOp.Ge && op2 is RelOp.Gt or RelOp.Ge)
                return [new Interval(b, op2 == RelOp.Ge, a, op1 == RelOp.Ge)];
        }
        return null;
    }

    /// <summary>The set of x with "x op bound".</summary>
    private static List<Interval>? Bound(RelOp op, Expr bound) => op switch
    {
        RelOp.Lt => [new Interval(MinusInfinity, false, bound, false)],
        RelOp.Le => [new Interval(MinusInfinity, false, bound, true)],
        RelOp.Gt => [new Interval(bound, false, PlusInfinity, false)],
        RelOp.Ge => [new Interval(bound, true, PlusInfinity, false)],
        RelOp.Ne => [new Interval(MinusInfinity, false, bound, false), new Interval(bound, false, PlusInfinity, false)],
        _ => null,
    };

    public static RelOp Flip(RelOp op) => op switch
    {
        RelOp.Lt => RelOp.Gt,
        RelOp.Le => RelOp.Ge,
        RelOp.Gt => RelOp.Lt,
        RelOp.Ge => RelOp.Le,
        _ => op,
    };
}
