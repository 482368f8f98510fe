using SynthData.Common;

namespace SynthData.Problems.Generators.Math;

internal enum ExpressionStyle
{
    /// <summary><c>3 + (-4) * (1/2)^2</c>: machine-readable, stored in metadata for independent checking.</summary>
    Ascii,

    /// <summary><c>3 + (-4) × 5^2</c>: plain text for prompts.</summary>
    Plain,

    /// <summary><c>3 + (-4) \times \frac{1}{2}</c>: light LaTeX for prompts with fractions.</summary>
    Latex,
}

/// <summary>
/// Renders expression trees with the fewest parentheses that keep the tree's meaning, except that a right operand
/// of equal precedence is always bracketed so that reading left to right matches the tree. Negative numbers and
/// fractions inside an expression are bracketed so that no sign or fraction bar can be misread.
/// </summary>
internal static class ExpressionRenderer
{
    public static string Render(Expression expression, ExpressionStyle style) => expression switch
    {
        NumberNode n => Number(n.Value, style, bracketed: false),
        _ => RenderInner(expression, style),
    };

    public static string Symbol(Operator op, ExpressionStyle style) => (op, style) switch
    {
        (Operator.Add, _) => "+",
        (Operator.Subtract, _) => "-",
        (Operator.Multiply, ExpressionStyle.Ascii) => "*",
        (Operator.Multiply, ExpressionStyle.Plain) => "×",
        (Operator.Multiply, _) => "\\times",
        (Operator.Divide, ExpressionStyle.Ascii) => "/",
        (Operator.Divide, ExpressionStyle.Plain) => "÷",
        (Operator.Divide, _) => "\\div",
        (Operator.Power, _) => "^",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>One step of a reduction, e.g. <c>(-3)^2</c> or <c>4 × 9</c>.</summary>
    public static string Operation(Operator op, Rational left, Rational right, ExpressionStyle style) =>
        Render(Expression.Of(op, Expression.Of(left), Expression.Of(right)), style);

    /// <summary>A number as an operand: bracketed when negative or (outside LaTeX) a fraction.</summary>
    public static string Number(Rational value, ExpressionStyle style, bool bracketed = true)
    {
        var text = style == ExpressionStyle.Latex ? value.ToLatex() : value.ToString();
        var needsBrackets = bracketed && (value.Sign < 0 || (!value.IsInteger && style != ExpressionStyle.Latex));
        return needsBrackets ? $"({text})" : text;
    }

    private static string RenderInner(Expression expression, ExpressionStyle style)
    {
        if (expression is NumberNode n)
            return Number(n.Value, style);
        var node = (OperationNode)expression;
        var left = Operand(node.Left, style, NeedsBracketsOnLeft(node.Op, node.Left));
        var right = Operand(node.Right, style, NeedsBracketsOnRight(node.Op, node.Right));
        if (node.Op == Operator.Power)
            return style == ExpressionStyle.Latex ? $"{left}^{{{right}}}" : $"{left}^{right}";
        return $"{left} {Symbol(node.Op, style)} {right}";
    }

    private static string Operand(Expression operand, ExpressionStyle style, bool bracket)
    {
        var text = RenderInner(operand, style);
        return bracket ? $"({text})" : text;
    }

    private static bool NeedsBracketsOnLeft(Operator parent, Expression child) =>
        child is OperationNode c && (Precedence(c.Op) < Precedence(parent) || (parent == Operator.Power && c.Op == Operator.Power));

    private static bool NeedsBracketsOnRight(Operator parent, Expression child) =>
        child is OperationNode c && Precedence(c.Op) <= Precedence(parent);

    private static int Precedence(Operator op) => op switch
    {
        Operator.Add or Operator.Subtract => 1,
        Operator.Multiply or Operator.Divide => 2,
        _ => 3,
    };
}
