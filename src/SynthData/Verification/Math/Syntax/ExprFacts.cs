using System.Globalization;
using System.Text;
using SynthData.Verification.Math.Evaluation;

namespace SynthData.Verification.Math.Syntax;

/// <summary>Read-only questions about expression trees: free variables, canonical keys, ± expansion.</summary>
internal static class ExprFacts
{
    /// <summary>At most this many answers come out of one ± expansion (2^4).</summary>
    private const int MaxPlusMinusVariants = 16;

    public static SortedSet<string> FreeSymbols(Expr expr)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Collect(expr, names);
        return names;
    }

    private static void Collect(Expr expr, SortedSet<string> names)
    {
        switch (expr)
        {
            case Sym s:
                names.Add(s.Name);
                break;
            default:
                foreach (var child in Children(expr))
                    Collect(child, names);
                break;
        }
    }

    /// <summary><paramref name="expr"/> with the symbol <paramref name="name"/> replaced by <paramref name="value"/>.</summary>
    public static Expr Substitute(Expr expr, string name, Expr value) => expr switch
    {
        Sym s when s.Name == name => value,
        Neg n => new Neg(Substitute(n.Operand, name, value)),
        Percent p => new Percent(Substitute(p.Operand, name, value)),
        Add a => new Add([.. a.Terms.Select(t => Substitute(t, name, value))]),
        Mul m => new Mul([.. m.Factors.Select(f => Substitute(f, name, value))]),
        Div d => new Div(Substitute(d.Numerator, name, value), Substitute(d.Denominator, name, value)),
        Pow p => new Pow(Substitute(p.Base, name, value), Substitute(p.Exponent, name, value)),
        Call c => new Call(c.Name, [.. c.Args.Select(a => Substitute(a, name, value))]),
        _ => expr,
    };

    public static IEnumerable<Expr> Children(Expr expr) => expr switch
    {
        Add a => a.Terms,
        Mul m => m.Factors,
        Neg n => [n.Operand],
        Div d => [d.Numerator, d.Denominator],
        Pow p => [p.Base, p.Exponent],
        Call c => c.Args,
        PlusMinus pm => pm.Left is null ? [pm.Right] : [pm.Left, pm.Right],
        Percent p => [p.Operand],
        Relation r => r.Operands,
        Bracketed b => b.Items,
        SetOf s => s.Items,
        AnswerList l => l.Items,
        SetOp o => [o.Left, o.Right],
        Matrix m => m.Rows.SelectMany(r => r),
        _ => [],
    };

    /// <summary>True when the expression is a plain value: no lists, sets, relations, matrices or text inside.</summary>
    public static bool IsScalar(Expr expr) => expr switch
    {
        Num or Sym or Const or BaseNumber => true,
        Relation or Bracketed or SetOf or AnswerList or SetOp or NamedSet or Matrix or Text or PlusMinus => false,
        _ => Children(expr).All(IsScalar),
    };

    public static bool ContainsPlusMinus(Expr expr) => expr is PlusMinus || Children(expr).Any(ContainsPlusMinus);

    /// <summary>
    /// The answers a ± stands for: <c>1 \pm \sqrt2</c> gives <c>1 + \sqrt2</c> and <c>1 - \sqrt2</c>. Null when the
    /// expansion would exceed <see cref="MaxPlusMinusVariants"/>.
    /// </summary>
    public static List<Expr>? ExpandPlusMinus(Expr expr)
    {
        if (!ContainsPlusMinus(expr))
            return [expr];
        var variants = Expand(expr);
        return variants is null || variants.Count > MaxPlusMinusVariants ? null : variants;
    }

    private static List<Expr>? Expand(Expr expr)
    {
        if (!ContainsPlusMinus(expr))
            return [expr];
        switch (expr)
        {
            case PlusMinus pm:
            {
                var rights = Expand(pm.Right);
                var lefts = pm.Left is null ? [null] : Expand(pm.Left)?.Cast<Expr?>().ToList();
                if (rights is null || lefts is null || rights.Count * lefts.Count * 2 > MaxPlusMinusVariants)
                    return null;
                var result = new List<Expr>();
                foreach (var l in lefts)
                {
                    foreach (var r in rights)
                    {
                        result.Add(l is null ? r : new Add([l, r]));
                        result.Add(l is null ? new Neg(r) : new Add([l, new Neg(r)]));
                    }
                }
                return result;
            }
            case Add a:
                return Combine(a.Terms, terms => new Add(terms));
            case Mul m:
                return Combine(m.Factors, factors => new Mul(factors));
            case Neg n:
                return Expand(n.Operand)?.Select(e => (Expr)new Neg(e)).ToList();
            case Div d:
                return Combine([d.Numerator, d.Denominator], parts => new Div(parts[0], parts[1]));
            case Pow p:
                return Combine([p.Base, p.Exponent], parts => new Pow(parts[0], parts[1]));
            case Call c:
                return Combine(c.Args, args => new Call(c.Name, args));
            case Relation r:
                return Combine(r.Operands, operands => new Relation(operands, r.Ops));
            case Bracketed b:
                // (1 ± 2, 3) stays one tuple per sign choice, in order.
                return Combine(b.Items, items => new Bracketed(b.Open, b.Close, items));
            default:
                return null;
        }
    }

    private static List<Expr>? Combine(Expr[] parts, Func<Expr[], Expr> build)
    {
        var combos = new List<Expr[]> { Array.Empty<Expr>() };
        foreach (var part in parts)
        {
            if (Expand(part) is not { } options || combos.Count * options.Count > MaxPlusMinusVariants)
                return null;
            combos = [.. combos.SelectMany(prefix => options.Select(o => (Expr[])[.. prefix, o]))];
        }
        return [.. combos.Select(build)];
    }

    /// <summary>
    /// A canonical string for comparing expressions that cannot be evaluated (2^(2^20) against itself): exact
    /// sub-values are folded and the operands of + and * sorted.
    /// </summary>
    public static string Key(Expr expr, CheckBudget budget)
    {
        var sb = new StringBuilder();
        AppendKey(expr, sb, budget);
        return sb.ToString();
    }

    private static void AppendKey(Expr expr, StringBuilder sb, CheckBudget budget)
    {
        budget.Tick();
        if (expr is not Num && IsScalar(expr) && ExactEvaluator.Evaluate(expr, budget) is { } folded)
        {
            sb.Append(folded.ToString());
            return;
        }
        switch (expr)
        {
            case Num n:
                sb.Append(n.Value.ToString());
                return;
            case Sym s:
                sb.Append(s.Name);
                return;
            case Const c:
                sb.Append('#').Append(c.Kind.ToString());
                return;
            case Text t:
                sb.Append('"').Append(t.Value).Append('"');
                return;
            case BaseNumber b:
                sb.Append(b.Digits).Append('_').Append(b.Base.ToString(CultureInfo.InvariantCulture));
                return;
            case NamedSet ns:
                sb.Append("set:").Append(ns.Name);
                return;
        }
        var children = Children(expr).Select(c => Key(c, budget)).ToList();
        if (expr is Add or Mul or SetOf or AnswerList)
            children.Sort(StringComparer.Ordinal);
        sb.Append('(').Append(Label(expr));
        foreach (var child in children)
            sb.Append(' ').Append(child);
        sb.Append(')');
    }

    private static string Label(Expr expr) => expr switch
    {
        Call c => c.Name,
        Relation r => string.Join(',', r.Ops),
        Bracketed b => $"{b.Open}{b.Close}",
        SetOp o => o.Kind.ToString(),
        Matrix m => $"matrix{m.Rows.Length}x{m.Rows[0].Length}",
        _ => expr.GetType().Name,
    };
}
