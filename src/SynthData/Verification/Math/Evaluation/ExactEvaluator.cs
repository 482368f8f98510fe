using System.Numerics;
using SynthData.Verification.Math.Syntax;

namespace SynthData.Verification.Math.Evaluation;

/// <summary>
/// Evaluates an expression to an exact rational when it has one (integers, fractions, decimals, perfect roots,
/// factorials, binomials...). Null means "not a rational we can reach": irrational, variable, undefined or over a cap.
/// </summary>
internal static class ExactEvaluator
{
    private const int MaxFactorial = 3000;

    public static BigRational? Evaluate(Expr expr, CheckBudget budget)
    {
        budget.Tick();
        switch (expr)
        {
            case Num n:
                return n.Value;
            case Neg n:
                return Evaluate(n.Operand, budget) is { } v ? -v : null;
            case Percent p:
                return Evaluate(p.Operand, budget) is { } pv ? pv * new BigRational(1, 100) : null;
            case Add a:
            {
                var sum = BigRational.Zero;
                foreach (var term in a.Terms)
                {
                    if (Evaluate(term, budget) is not { } t)
                        return null;
                    sum += t;
                }
                return sum;
            }
            case Mul m:
            {
                var product = BigRational.One;
                foreach (var factor in m.Factors)
                {
                    if (Evaluate(factor, budget) is not { } f)
                        return null;
                    product *= f;
                    if (product.BitSize > BigRational.MaxBits)
                        return null;
                }
                return product;
            }
            case Div d:
                return Evaluate(d.Numerator, budget) is { } num && Evaluate(d.Denominator, budget) is { } den
                    ? BigRational.Divide(num, den)
                    : null;
            case Pow p:
                return Power(p, budget);
            case Call c:
                return Function(c, budget);
            default:
                return null;
        }
    }

    private static BigRational? Power(Pow p, CheckBudget budget)
    {
        if (Evaluate(p.Exponent, budget) is not { } exponent || Evaluate(p.Base, budget) is not { } b)
            return null;
        if (exponent.IsInteger)
            return b.Power(exponent.Numerator);
        // b^(p/q) is rational only when b has a rational q-th root.
        if (exponent.Denominator > 64 || b.Sign < 0)
            return null;
        return b.Root((int)exponent.Denominator) is { } root ? root.Power(exponent.Numerator) : null;
    }

    private static BigRational? Function(Call c, CheckBudget budget)
    {
        var args = new BigRational[c.Args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            if (Evaluate(c.Args[i], budget) is not { } v)
                return null;
            args[i] = v;
        }
        switch (c.Name)
        {
            case "degrees" when args.Length == 1:
                return args[0];
            case "abs" when args.Length == 1:
                return BigRational.Abs(args[0]);
            case "floor" when args.Length == 1:
                return BigRational.FromInteger(FloorOf(args[0]));
            case "ceil" when args.Length == 1:
                return -BigRational.FromInteger(FloorOf(-args[0]));
            case "factorial" when args.Length == 1 && args[0].IsInteger && args[0].Sign >= 0 && args[0].Numerator <= MaxFactorial:
                return BigRational.FromInteger(Factorial((int)args[0].Numerator, budget));
            case "binom" when args.Length == 2:
                return Binomial(args[0], args[1], budget);
            case "gcd" or "lcm" when args.Length >= 1 && args.All(a => a.IsInteger):
                return GcdOrLcm(c.Name, args);
            case "max" when args.Length >= 1:
                return args.Aggregate((x, y) => x.CompareTo(y) >= 0 ? x : y);
            case "min" when args.Length >= 1:
                return args.Aggregate((x, y) => x.CompareTo(y) <= 0 ? x : y);
            case "log" when args.Length == 2:
                return ExactLog(args[0], args[1]);
            default:
                return null;
        }
    }

    private static BigInteger FloorOf(BigRational r) =>
        BigInteger.DivRem(r.Numerator, r.Denominator, out var remainder) is var q && remainder.Sign < 0 ? q - 1 : q;

    private static BigInteger Factorial(int n, CheckBudget budget)
    {
        var result = BigInteger.One;
        for (var k = 2; k <= n; k++)
        {
            budget.Tick();
            result *= k;
        }
        return result;
    }

    private static BigRational? Binomial(BigRational n, BigRational k, CheckBudget budget)
    {
        if (!n.IsInteger || !k.IsInteger || n.Sign < 0 || n.Numerator > MaxFactorial * 4)
            return null;
        if (k.Sign < 0 || k.Numerator > n.Numerator)
            return BigRational.Zero;
        var kk = (int)BigInteger.Min(k.Numerator, n.Numerator - k.Numerator);
        var result = BigInteger.One;
        for (var j = 1; j <= kk; j++)
        {
            budget.Tick();
            result = result * (n.Numerator - kk + j) / j;
        }
        return BigRational.FromInteger(result);
    }

    private static BigRational GcdOrLcm(string name, BigRational[] args)
    {
        var acc = BigInteger.Abs(args[0].Numerator);
        foreach (var a in args.Skip(1))
        {
            var v = BigInteger.Abs(a.Numerator);
            if (name == "gcd")
                acc = BigInteger.GreatestCommonDivisor(acc, v);
            else
                acc = acc.IsZero || v.IsZero ? BigInteger.Zero : acc / BigInteger.GreatestCommonDivisor(acc, v) * v;
        }
        return BigRational.FromInteger(acc);
    }

    private static double LogOf(BigRational r) =>
        BigInteger.Log(r.Numerator) - BigInteger.Log(r.Denominator);

    /// <summary>log_b(x) when it is an integer or a simple fraction (log_8 2 = 1/3), else null.</summary>
    private static BigRational? ExactLog(BigRational x, BigRational b)
    {
        if (x.Sign <= 0 || b.Sign <= 0 || b == BigRational.One)
            return null;
        if (x == BigRational.One)
            return BigRational.Zero;
        var estimate = LogOf(x) / LogOf(b);
        if (!double.IsFinite(estimate) || System.Math.Abs(estimate) > 4096)
            return null;
        for (var q = 1; q <= 12; q++)
        {
            // b^(p/q) = x  <=>  b^p = x^q, checked exactly for the one p the estimate allows.
            var p = System.Math.Round(estimate * q);
            if (System.Math.Abs(estimate * q - p) > 1e-6 * q)
                continue;
            if (b.Power(new BigInteger(p)) is { } lhs && x.Power(q) is { } rhs && lhs == rhs)
                return new BigRational(new BigInteger(p), q);
        }
        return null;
    }
}
