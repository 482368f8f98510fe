using System.Globalization;
using SynthData.Common;

namespace SynthData.Logic.Arithmetic;

/// <summary>
/// An expression built during a search or a generator's construction: its exact value and its text with only the
/// brackets it needs (precedence 3 = a number, 2 = a product or quotient, 1 = a sum or difference).
/// </summary>
public readonly record struct ArithmeticTerm(Rational Value, string Text, int Precedence)
{
    public static ArithmeticTerm Of(long number) => new(number, number.ToString(CultureInfo.InvariantCulture), 3);

    /// <summary><c>a op b</c>, or null on division by zero or overflow.</summary>
    public static ArithmeticTerm? Combine(ArithmeticTerm a, char op, ArithmeticTerm b)
    {
        try
        {
            return op switch
            {
                '+' => new ArithmeticTerm(a.Value + b.Value, $"{a.Text} + {b.Text}", 1),
                '-' => new ArithmeticTerm(a.Value - b.Value, $"{a.Text} - {Wrap(b, 1)}", 1),
                '*' => new ArithmeticTerm(a.Value * b.Value, $"{Wrap(a, 0)} * {Wrap(b, 0)}", 2),
                '/' when b.Value.Sign != 0 => new ArithmeticTerm(a.Value / b.Value, $"{Wrap(a, 0)} / {Wrap(b, 2)}", 2),
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    // Brackets an operand whose precedence is at most `atMost` above a sum (1): "a - (b + c)", "(a + b) * c", "a / (b * c)".
    private static string Wrap(ArithmeticTerm t, int atMost) => t.Precedence <= Math.Max(1, atMost) ? $"({t.Text})" : t.Text;
}
