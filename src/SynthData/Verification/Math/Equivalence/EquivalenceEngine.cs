using SynthData.Verification.Math.Evaluation;
using SynthData.Verification.Math.Syntax;

namespace SynthData.Verification.Math.Equivalence;

/// <summary>
/// Decides whether two parsed answers are the same answer. Collections (comma lists, sets, ± expansions) are
/// compared order-free and must match in both directions, so a partial "find all" list is rejected; tuples,
/// vectors and matrices are ordered and shape-checked; intervals compare ends and openness; relations go to
/// <see cref="RelationComparer"/>; values to <see cref="ScalarComparer"/>.
/// </summary>
internal sealed class EquivalenceEngine
{
    private const int MaxCollectionItems = 64;

    private readonly ScalarComparer _scalars;
    private readonly RelationComparer _relations;
    private readonly CheckBudget _budget;

    public EquivalenceEngine(MathVerifierOptions options, CheckBudget budget)
    {
        _budget = budget;
        _scalars = new ScalarComparer(options, budget);
        _relations = new RelationComparer(options, budget);
    }

    public Comparison Compare(Expr gold, Expr pred)
    {
        var goldItems = Items(gold);
        var predItems = Items(pred);
        if (goldItems is null || predItems is null)
            return Comparison.No("too many answers or ± combinations to compare");
        if (goldItems.Count == 1 && predItems.Count == 1)
            return CompareItem(goldItems[0], predItems[0]);

        // Several answers on one side: interval unions written as "x < -2 or x > 2" are one answer.
        if ((IntervalReader.IsDefinitelyIntervals(gold) || IntervalReader.IsDefinitelyIntervals(pred))
            && IntervalReader.Read(gold) is { } gi && IntervalReader.Read(pred) is { } pi)
        {
            return CompareIntervals(gi, pi);
        }
        if (AssignmentsAsTuple(goldItems, predItems) is { } goldAssignments)
            return goldAssignments;
        if (AssignmentsAsTuple(predItems, goldItems) is { } predAssignments)
            return predAssignments;
        if (goldItems.Count != predItems.Count && (goldItems.Count == 1 || predItems.Count == 1))
        {
            return Comparison.No(goldItems.Count == 1
                ? $"gold is one answer, prediction lists {predItems.Count}"
                : $"gold lists {goldItems.Count} answers, prediction gives one");
        }
        return Unordered(goldItems, predItems, "answers");
    }

    /// <summary>"a = 2, b = 3" against "(2, 3)": the assigned values in order; null when that is not the shape.</summary>
    private Comparison? AssignmentsAsTuple(List<Expr> assignments, List<Expr> other)
    {
        if (assignments.Count < 2 || other is not [Bracketed { Open: '(' } tuple] || tuple.Items.Length != assignments.Count)
            return null;
        var values = new List<Expr>();
        foreach (var item in assignments)
        {
            if (item is not Relation r || r.Ops is not [RelOp.Eq] || r.Operands[0] is not Sym)
                return null;
            values.Add(r.Operands[1]);
        }
        var result = Ordered(values, tuple.Items, "assigned values");
        return result with { Reason = result.Reason + " (assignments read as a tuple)" };
    }

    /// <summary>The answers an expression stands for: list and set items, each with ± expanded.</summary>
    private List<Expr>? Items(Expr expr)
    {
        var raw = expr switch
        {
            AnswerList l => l.Items,
            SetOf s => s.Items,
            _ => [expr],
        };
        var items = new List<Expr>();
        foreach (var item in raw)
        {
            _budget.Tick();
            if (ExprFacts.ExpandPlusMinus(item) is not { } expanded)
                return null;
            items.AddRange(expanded);
            if (items.Count > MaxCollectionItems)
                return null;
        }
        return items;
    }

    private Comparison Unordered(List<Expr> gold, List<Expr> pred, string what)
    {
        var predMatched = new bool[pred.Count];
        foreach (var g in gold)
        {
            var found = false;
            for (var j = 0; j < pred.Count; j++)
            {
                if (CompareItem(g, pred[j]).Equal)
                {
                    found = true;
                    predMatched[j] = true;
                }
            }
            if (!found)
                return Comparison.No($"no {what[..^1]} in the prediction matches gold's {Describe(g)}");
        }
        var unmatched = Array.IndexOf(predMatched, false);
        return unmatched < 0
            ? Comparison.Yes($"same {gold.Count} {what}, order ignored")
            : Comparison.No($"prediction's {Describe(pred[unmatched])} matches no gold {what[..^1]}");
    }

    private string Describe(Expr e)
    {
        var key = ExprFacts.Key(e, _budget);
        return key.Length <= 40 ? key : key[..40] + "...";
    }

    public Comparison CompareItem(Expr gold, Expr pred)
    {
        _budget.Tick();
        if (gold is SetOf or AnswerList || pred is SetOf or AnswerList)
            return Compare(gold, pred);
        gold = StatedValue(gold);
        pred = StatedValue(pred);

        if (gold is Relation gr && pred is Relation pr)
        {
            if (IntervalReader.Read(gr) is { } gri && IntervalReader.Read(pr) is { } pri)
                return CompareIntervals(gri, pri);
            return _relations.Compare(gr, pr, CompareItem);
        }
        if (ValueAgainst(gold, pred) is { } goldValue)
        {
            var inner = CompareItem(goldValue, pred);
            return inner with { Reason = "gold's assigned value; " + inner.Reason };
        }
        if (ValueAgainst(pred, gold) is { } predValue)
        {
            var inner = CompareItem(gold, predValue);
            return inner with { Reason = "prediction's assigned value; " + inner.Reason };
        }
        if ((IntervalReader.IsDefinitelyIntervals(gold) || IntervalReader.IsDefinitelyIntervals(pred))
            && IntervalReader.Read(gold) is { } goldIntervals && IntervalReader.Read(pred) is { } predIntervals)
        {
            return CompareIntervals(goldIntervals, predIntervals);
        }
        return (gold, pred) switch
        {
            (Bracketed g, Bracketed p) => CompareTuples(g, p),
            (Matrix g, Matrix p) => CompareMatrices(g, p),
            (Matrix g, Bracketed p) => CompareVector(g, p),
            (Bracketed g, Matrix p) => CompareVector(p, g),
            (Text g, Text p) => g.Value == p.Value ? Comparison.Yes("same text") : Comparison.No("different text"),
            (BaseNumber g, _) => CompareBaseNumber(g, pred),
            (Num, BaseNumber p) => CompareBaseNumber(p, gold),
            (NamedSet g, NamedSet p) => g.Name == p.Name ? Comparison.Yes("same set") : Comparison.No("different sets"),
            (Bracketed { Open: ':' } g, _) when ExprFacts.IsScalar(pred) => CompareRatioWithValue(g, pred, gold: true),
            (_, Bracketed { Open: ':' } p) when ExprFacts.IsScalar(gold) => CompareRatioWithValue(p, gold, gold: false),
            _ when ExprFacts.IsScalar(gold) && ExprFacts.IsScalar(pred) => _scalars.Compare(gold, SameConstantName(gold, pred)),
            _ => Comparison.No($"different kinds of answer ({Kind(gold)} vs {Kind(pred)})"),
        };
    }

    /// <summary>
    /// The value <paramref name="side"/> assigns when it is compared with a non-relation (<c>x = 5</c> against 5);
    /// null when it is no assignment, or when it is an inequality the other side's interval should meet instead.
    /// </summary>
    private static Expr? ValueAgainst(Expr side, Expr other) =>
        side is Relation r && other is not Relation && AssignedValue(r) is { } value
        && !(IntervalReader.IsDefinitelyIntervals(other) && IntervalReader.Read(r) is not null)
            ? value
            : null;

    /// <summary>
    /// The value of <c>x = 5</c> (or <c>x = 2 + 3 = 5</c>: the last side) when the left side names an unknown,
    /// or the set of <c>x \in S</c>.
    /// </summary>
    private static Expr? AssignedValue(Relation r)
    {
        if (r.Ops.All(op => op is RelOp.Eq or RelOp.Approx) && RelationComparer.IsUnknown(r.Operands[0]))
            return RelationComparer.ChainValue(r);
        if (r.Ops is [RelOp.In] && r.Operands[0] is Sym)
            return r.Operands[1];
        return null;
    }

    /// <summary>"2/3 \approx 0.67" and "0.56 = 56%" state one value (the last); other expressions stay as they are.</summary>
    private static Expr StatedValue(Expr e) =>
        e is Relation r && r.Ops.All(op => op is RelOp.Eq or RelOp.Approx)
            && r.Operands.All(o => ExprFacts.IsScalar(o) && ExprFacts.FreeSymbols(o).Count == 0)
            ? RelationComparer.ChainValue(r)
            : e;

    private static string Kind(Expr e) => e switch
    {
        Bracketed => "tuple",
        Matrix => "matrix",
        Relation => "relation",
        Text => "text",
        SetOp or NamedSet => "set",
        _ => "value",
    };

    private Comparison CompareTuples(Bracketed gold, Bracketed pred)
    {
        if (gold.Items.Length != pred.Items.Length)
            return Comparison.No($"tuples of length {gold.Items.Length} vs {pred.Items.Length}");
        if (gold.Open != pred.Open || gold.Close != pred.Close)
        {
            // Only the pair/vector spellings (a, b) and <a, b> are interchangeable; [1,5] is not (1,5).
            var bothTuples = gold.Open is '(' or '<' && pred.Open is '(' or '<' && gold.Close is ')' or '>' && pred.Close is ')' or '>';
            if (!bothTuples)
                return Comparison.No($"brackets {gold.Open}{gold.Close} vs {pred.Open}{pred.Close}");
        }
        return Ordered(gold.Items, pred.Items, "tuple");
    }

    private Comparison Ordered(IReadOnlyList<Expr> gold, IReadOnlyList<Expr> pred, string what)
    {
        for (var i = 0; i < gold.Count; i++)
        {
            var c = CompareItem(gold[i], pred[i]);
            if (!c.Equal)
                return Comparison.No($"{what} entry {i + 1} differs: {c.Reason}");
        }
        return Comparison.Yes($"{what} of {gold.Count} entries equal in order");
    }

    private Comparison CompareMatrices(Matrix gold, Matrix pred)
    {
        if (gold.Rows.Length != pred.Rows.Length || gold.Rows[0].Length != pred.Rows[0].Length)
            return Comparison.No($"matrix shapes {gold.Rows.Length}x{gold.Rows[0].Length} vs {pred.Rows.Length}x{pred.Rows[0].Length}");
        return Ordered([.. gold.Rows.SelectMany(r => r)], [.. pred.Rows.SelectMany(r => r)], "matrix");
    }

    /// <summary>A column or row vector written as a matrix equals the same entries written as a tuple.</summary>
    private Comparison CompareVector(Matrix matrix, Bracketed tuple)
    {
        if (tuple.Open != '(' && tuple.Open != '<' || matrix.Rows.Length != 1 && matrix.Rows[0].Length != 1)
            return Comparison.No("matrix vs tuple");
        var entries = matrix.Rows.SelectMany(r => r).ToList();
        return entries.Count == tuple.Items.Length ? Ordered(entries, tuple.Items, "vector") : Comparison.No("vector lengths differ");
    }

    private Comparison CompareIntervals(List<Interval> gold, List<Interval> pred)
    {
        if (gold.Count != pred.Count)
            return Comparison.No($"{gold.Count} vs {pred.Count} intervals");
        var used = new bool[pred.Count];
        foreach (var g in gold)
        {
            var match = -1;
            for (var j = 0; j < pred.Count && match < 0; j++)
            {
                var p = pred[j];
                if (!used[j] && g.LowClosed == p.LowClosed && g.HighClosed == p.HighClosed
                    && CompareItem(g.Low, p.Low).Equal && CompareItem(g.High, p.High).Equal)
                    match = j;
            }
            if (match < 0)
                return Comparison.No("intervals differ (ends or open/closed)");
            used[match] = true;
        }
        return Comparison.Yes(gold.Count == 1 ? "same interval" : $"same union of {gold.Count} intervals");
    }

    private static readonly HashSet<string> ConstantNames = new(StringComparer.Ordinal) { "C", "c", "K", "k", "C_1", "c_1", "C_0", "c_0" };

    /// <summary>
    /// <c>x^2 + C</c> against <c>x^2 + c</c>: the arbitrary constant of an antiderivative may have any name. When the
    /// two sides differ only in that one name and it is a term of the sum on both sides, the prediction's is renamed.
    /// </summary>
    private static Expr SameConstantName(Expr gold, Expr pred)
    {
        var goldOnly = ExprFacts.FreeSymbols(gold);
        var predOnly = ExprFacts.FreeSymbols(pred);
        var shared = new HashSet<string>(goldOnly);
        shared.IntersectWith(predOnly);
        goldOnly.ExceptWith(shared);
        predOnly.ExceptWith(shared);
        if (goldOnly is not { Count: 1 } || predOnly is not { Count: 1 })
            return pred;
        var (g, p) = (goldOnly.Min!, predOnly.Min!);
        return ConstantNames.Contains(g) && ConstantNames.Contains(p) && IsTerm(gold, g) && IsTerm(pred, p)
            ? ExprFacts.Substitute(pred, p, new Sym(g))
            : pred;
    }

    private static bool IsTerm(Expr e, string name) => e is Add a && a.Terms.Any(t => t is Sym s && s.Name == name);

    /// <summary>The ratio 2:1 is the value 2 and 7:32 is 7/32, when both its terms are numbers.</summary>
    private Comparison CompareRatioWithValue(Bracketed ratio, Expr value, bool gold)
    {
        if (ratio.Items.Length != 2 || ratio.Items.Any(i => ExprFacts.FreeSymbols(i).Count > 0 || !ExprFacts.IsScalar(i)))
            return Comparison.No("a ratio of quantities against a value");
        var quotient = new Div(ratio.Items[0], ratio.Items[1]);
        var c = gold ? _scalars.Compare(quotient, value) : _scalars.Compare(value, quotient);
        return c with { Reason = "ratio as a quotient; " + c.Reason };
    }

    /// <summary>1011_2 matches 1011_2 (or 01011_2) and the bare digits 1011, not the decimal value 11.</summary>
    private Comparison CompareBaseNumber(BaseNumber gold, Expr pred) => pred switch
    {
        BaseNumber p when p.Base == gold.Base && p.Value == gold.Value => Comparison.Yes($"same number in base {gold.Base}"),
        Num { Decimal: null } n when n.Value.IsInteger && n.Value.ToString() == gold.Digits.TrimStart('0').PadLeft(1, '0')
            => Comparison.Yes($"same digits (base {gold.Base} subscript omitted)"),
        _ => Comparison.No($"not the base-{gold.Base} number {gold.Digits}"),
    };
}
