using System.Numerics;
using SynthData.Verification.Math.Syntax;

namespace SynthData.Verification.Math.Evaluation;

/// <summary>
/// Evaluates a scalar expression in complex doubles, with variables bound to given values. Unsupported or undefined
/// pieces give NaN, which callers treat as "cannot decide". <see cref="Scale"/> records the largest magnitude that
/// met cancellation (addends, trig arguments), so callers can tell rounding noise from a real difference.
/// </summary>
internal sealed class NumericEvaluator(CheckBudget budget, IReadOnlyDictionary<string, Complex>? variables = null)
{
    private static readonly Complex NaN = new(double.NaN, double.NaN);

    public double Scale { get; private set; }

    public Complex Evaluate(Expr expr)
    {
        budget.Tick();
        return expr switch
        {
            Num n => new Complex(n.Value.ToDouble(), 0),
            Sym s => variables is not null && variables.TryGetValue(s.Name, out var v) ? v : NaN,
            Const c => c.Kind switch
            {
                ConstKind.Pi => new Complex(System.Math.PI, 0),
                ConstKind.E => new Complex(System.Math.E, 0),
                ConstKind.I => Complex.ImaginaryOne,
                _ => new Complex(double.PositiveInfinity, 0),
            },
            Neg n => Negate(Evaluate(n.Operand)),
            Percent p => Evaluate(p.Operand) / 100,
            Add a => Sum(a),
            Mul m => Product(m),
            Div d => Evaluate(d.Numerator) / Evaluate(d.Denominator),
            Pow p => Power(p),
            Call c => Function(c),
            BaseNumber b => new Complex((double)b.Value, 0),
            _ => NaN,
        };
    }

    /// <summary>Negation without a -0 imaginary part, which would put sqrt(-1) on the wrong side of the branch cut.</summary>
    private static Complex Negate(Complex v) => new(-v.Real, v.Imaginary == 0 ? 0 : -v.Imaginary);

    private void Note(Complex value)
    {
        var magnitude = Complex.Abs(value);
        if (double.IsFinite(magnitude) && magnitude > Scale)
            Scale = magnitude;
    }

    private Complex Sum(Add a)
    {
        var sum = Complex.Zero;
        foreach (var term in a.Terms)
        {
            var t = Evaluate(term);
            Note(t);
            sum += t;
        }
        return sum;
    }

    private Complex Product(Mul m)
    {
        var product = Complex.One;
        foreach (var factor in m.Factors)
            product *= Evaluate(factor);
        return product;
    }

    private Complex Power(Pow p)
    {
        var b = Evaluate(p.Base);
        var e = Evaluate(p.Exponent);
        if (b.Imaginary == 0 && e.Imaginary == 0)
        {
            var br = b.Real;
            var er = e.Real;
            if (br >= 0 || er == System.Math.Floor(er))
                return new Complex(System.Math.Pow(br, er), 0);
            // A real odd root of a negative number: (-8)^(1/3) = -2, as a reader means it.
            if (ExactEvaluator.Evaluate(p.Exponent, budget) is { } exact && !exact.Denominator.IsEven)
            {
                var magnitude = System.Math.Pow(-br, er);
                return new Complex(exact.Numerator.IsEven ? magnitude : -magnitude, 0);
            }
        }
        if (b == Complex.Zero)
            return e.Real > 0 ? Complex.Zero : NaN;
        return Complex.Pow(b, e);
    }

    private Complex Function(Call c)
    {
        if (c.Name is "gcd" or "lcm" or "binom" or "factorial" or "floor" or "ceil" or "max" or "min" or "det")
            return ExactEvaluator.Evaluate(c, budget) is { } exact ? new Complex(exact.ToDouble(), 0) : RealFunction(c);
        if (c.Args.Length == 2 && c.Name == "log")
            return Complex.Log(Evaluate(c.Args[0])) / Complex.Log(Evaluate(c.Args[1]));
        if (c.Args.Length != 1)
            return NaN;
        var x = Evaluate(c.Args[0]);
        if (c.Name is "sin" or "cos" or "tan" or "cot" or "sec" or "csc")
            Note(x);
        var real = x.Imaginary == 0;
        var r = x.Real;
        return c.Name switch
        {
            "sin" => real ? System.Math.Sin(r) : Complex.Sin(x),
            "cos" => real ? System.Math.Cos(r) : Complex.Cos(x),
            "tan" => real ? System.Math.Tan(r) : Complex.Tan(x),
            "cot" => 1 / (real ? System.Math.Tan(r) : Complex.Tan(x)),
            "sec" => 1 / (real ? System.Math.Cos(r) : Complex.Cos(x)),
            "csc" => 1 / (real ? System.Math.Sin(r) : Complex.Sin(x)),
            "arcsin" => real && System.Math.Abs(r) <= 1 ? System.Math.Asin(r) : Complex.Asin(x),
            "arccos" => real && System.Math.Abs(r) <= 1 ? System.Math.Acos(r) : Complex.Acos(x),
            "arctan" => real ? System.Math.Atan(r) : Complex.Atan(x),
            "arccot" => real ? System.Math.Atan(1 / r) : Complex.Atan(1 / x),
            "arcsec" => real && System.Math.Abs(r) >= 1 ? System.Math.Acos(1 / r) : Complex.Acos(1 / x),
            "arccsc" => real && System.Math.Abs(r) >= 1 ? System.Math.Asin(1 / r) : Complex.Asin(1 / x),
            "sinh" => Complex.Sinh(x),
            "cosh" => Complex.Cosh(x),
            "tanh" => Complex.Tanh(x),
            "coth" => 1 / Complex.Tanh(x),
            "log" => real && r > 0 ? System.Math.Log(r) : Complex.Log(x),
            "exp" => real ? System.Math.Exp(r) : Complex.Exp(x),
            "abs" => Complex.Abs(x),
            "degrees" => x,
            _ => NaN,
        };
    }

    private Complex RealFunction(Call c)
    {
        if (c.Args.Length == 0)
            return NaN;
        var values = new double[c.Args.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = Evaluate(c.Args[i]);
            if (v.Imaginary != 0)
                return NaN;
            values[i] = v.Real;
        }
        return c.Name switch
        {
            "floor" when values.Length == 1 => System.Math.Floor(values[0]),
            "ceil" when values.Length == 1 => System.Math.Ceiling(values[0]),
            "max" => values.Max(),
            "min" => values.Min(),
            _ => NaN,
        };
    }
}
