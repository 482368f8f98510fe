using SynthData.Common;

namespace SynthData.Problems.Generators.Math;

internal enum Operator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
}

/// <summary>
/// An exact arithmetic expression tree. The generators build trees, render them in the prompt, and reduce them
/// one operation at a time for the worked solution, so the solution follows the order of operations.
/// </summary>
internal abstract record Expression
{
    public static Expression Of(Rational value) => new NumberNode(value);

    public static Expression Of(Operator op, Expression left, Expression right) => new OperationNode(op, left, right);
}

internal sealed record NumberNode(Rational Value) : Expression;

internal sealed record OperationNode(Operator Op, Expression Left, Expression Right) : Expression
{
    /// <summary>Applies the operator to two numbers; null when undefined (division by zero, fractional exponent).</summary>
    public static Rational? Apply(Operator op, Rational left, Rational right) => op switch
    {
        Operator.Add => left + right,
        Operator.Subtract => left - right,
        Operator.Multiply => left * right,
        Operator.Divide => right.Sign == 0 ? null : left / right,
        Operator.Power => right.IsInteger && System.Math.Abs(right.Numerator) <= 64 && !(left.Sign == 0 && right.Sign < 0)
            ? left.Pow((int)right.Numerator)
            : null,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}

/// <summary>One operation of a reduction: <c>Left Op Right = Result</c>, and the whole expression afterwards.</summary>
internal sealed record ReductionStep(Operator Op, Rational Left, Rational Right, Rational Result, Expression After);

internal static class ExpressionReducer
{
    /// <summary>
    /// Reduces the expression to a number, one operation per step, always the leftmost operation whose operands
    /// are already numbers. For a tree that is what the order of operations prescribes. Null when some operation
    /// is undefined.
    /// </summary>
    public static IReadOnlyList<ReductionStep>? Reduce(Expression expression)
    {
        var steps = new List<ReductionStep>();
        while (expression is OperationNode)
        {
            var step = ReduceOnce(expression);
            if (step is null)
                return null;
            steps.Add(step);
            expression = step.After;
        }
        return steps;
    }

    public static Rational? Evaluate(Expression expression) => expression switch
    {
        NumberNode n => n.Value,
        OperationNode o when Evaluate(o.Left) is { } l && Evaluate(o.Right) is { } r => OperationNode.Apply(o.Op, l, r),
        _ => null,
    };

    private static ReductionStep? ReduceOnce(Expression expression)
    {
        var node = (OperationNode)expression;
        if (node.Left is OperationNode)
        {
            var inner = ReduceOnce(node.Left);
            return inner is null ? null : inner with { After = node with { Left = inner.After } };
        }
        if (node.Right is OperationNode)
        {
            var inner = ReduceOnce(node.Right);
            return inner is null ? null : inner with { After = node with { Right = inner.After } };
        }
        var left = ((NumberNode)node.Left).Value;
        var right = ((NumberNode)node.Right).Value;
        return OperationNode.Apply(node.Op, left, right) is { } result
            ? new ReductionStep(node.Op, left, right, result, new NumberNode(result))
            : null;
    }
}
