using SynthData.Verification.Math.Evaluation;

namespace SynthData.Verification.Math.Syntax;

/// <summary>
/// The parsed form of an answer. Scalar nodes (numbers, symbols, arithmetic, functions) evaluate to values;
/// structural nodes (lists, sets, tuples/intervals, matrices, relations, text) are compared by shape.
/// Trees come only from <see cref="Parser"/>, whose depth cap bounds every recursive walk over them.
/// </summary>
internal abstract record Expr;

/// <summary>A number literal. <paramref name="Decimal"/> is set for literals written with a decimal point.</summary>
internal sealed record Num(BigRational Value, DecimalLiteral? Decimal = null) : Expr;

/// <summary>How a decimal literal was written: its places after the point and its significant digits.</summary>
internal sealed record DecimalLiteral(int Places, int SignificantDigits);

internal sealed record Sym(string Name) : Expr;

internal enum ConstKind { Pi, E, I, Infinity }

internal sealed record Const(ConstKind Kind) : Expr;

internal sealed record Add(Expr[] Terms) : Expr;

internal sealed record Neg(Expr Operand) : Expr;

internal sealed record Mul(Expr[] Factors) : Expr;

internal sealed record Div(Expr Numerator, Expr Denominator) : Expr;

internal sealed record Pow(Expr Base, Expr Exponent) : Expr;

/// <summary>A named function: sin, log (optional second argument = base), abs, factorial, binom, floor, gcd...</summary>
internal sealed record Call(string Name, Expr[] Args) : Expr;

/// <summary><c>a \pm b</c> (or <c>\pm b</c> when <paramref name="Left"/> is null); expands to two answers.</summary>
internal sealed record PlusMinus(Expr? Left, Expr Right) : Expr;

internal sealed record Percent(Expr Operand) : Expr;

internal enum RelOp { Eq, Ne, Lt, Le, Gt, Ge, Approx, In }

/// <summary>A relation or chain: <c>a &lt; x &lt;= b</c> has three operands and two operators.</summary>
internal sealed record Relation(Expr[] Operands, RelOp[] Ops) : Expr;

/// <summary>A bracketed list of two or more items: tuple, interval or vector, e.g. <c>[1, 5)</c>.</summary>
internal sealed record Bracketed(char Open, char Close, Expr[] Items) : Expr;

internal sealed record SetOf(Expr[] Items) : Expr;

/// <summary>A top-level list of answers separated by commas, "and" or "or".</summary>
internal sealed record AnswerList(Expr[] Items) : Expr;

internal enum SetOpKind { Union, Intersection, Difference }

internal sealed record SetOp(SetOpKind Kind, Expr Left, Expr Right) : Expr;

/// <summary>A named set: R, Z, N, Q, C or the empty set.</summary>
internal sealed record NamedSet(string Name) : Expr;

internal sealed record Matrix(Expr[][] Rows) : Expr;

/// <summary>Words (e.g. <c>\text{Evelyn}</c>), kept lower-cased with single spaces.</summary>
internal sealed record Text(string Value) : Expr;

/// <summary>A number written in another base, <c>1011_2</c>: digits as written, upper-cased.</summary>
internal sealed record BaseNumber(string Digits, int Base) : Expr
{
    public System.Numerics.BigInteger Value
    {
        get
        {
            var value = System.Numerics.BigInteger.Zero;
            foreach (var ch in Digits)
                value = value * Base + DigitValue(ch);
            return value;
        }
    }

    public static int DigitValue(char ch) => char.IsAsciiDigit(ch) ? ch - '0' : char.ToUpperInvariant(ch) - 'A' + 10;
}
