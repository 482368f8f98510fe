using System.Globalization;

namespace SynthData.Cli.Simulation.Model;

/// <summary>
/// Evaluates the plain arithmetic that worked solutions write before an <c>=</c> (<c>120,000+80,000</c>,
/// <c>7 - 4 * 3</c>, <c>(16 - 3) / 2</c>), so a slip can be carried through the steps that follow it.
/// </summary>
internal static class Arithmetic
{
    /// <summary>Evaluates <c>+ - * / × ÷</c> with parentheses over decimal numbers (thousands commas allowed).</summary>
    public static bool TryEvaluate(string expression, out decimal value)
    {
        var parser = new Parser(expression.Replace("$", string.Empty, StringComparison.Ordinal));
        try
        {
            value = parser.Sum();
            return parser.AtEnd && parser.SawOperator;
        }
        catch (Exception e) when (e is FormatException or DivideByZeroException or OverflowException)
        {
            value = 0;
            return false;
        }
    }

    /// <summary>Parses a number as worked solutions write it (<c>130,000</c>, <c>-5</c>, <c>1.25</c>).</summary>
    public static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out value);

    /// <summary>Formats a result in the style of the number it replaces (thousands commas when that had them).</summary>
    public static string Format(decimal value, string styleOf) =>
        value.ToString(styleOf.Contains(',', StringComparison.Ordinal) ? "#,0.####" : "0.####", CultureInfo.InvariantCulture);

    private sealed class Parser(string text)
    {
        private int _pos;

        public bool SawOperator { get; private set; }

        public bool AtEnd
        {
            get
            {
                SkipSpaces();
                return _pos == text.Length;
            }
        }

        public decimal Sum()
        {
            var value = Product();
            while (Accept('+', '+') || Accept('-', '-'))
            {
                var op = text[_pos - 1];
                var right = Product();
                value = op == '+' ? value + right : value - right;
            }
            return value;
        }

        private decimal Product()
        {
            var value = Unary();
            while (Accept('*', '×') || Accept('/', '÷'))
            {
                var op = text[_pos - 1];
                var right = Unary();
                value = op is '*' or '×' ? value * right : value / right;
            }
            return value;
        }

        private decimal Unary()
        {
            SkipSpaces();
            if (_pos < text.Length && text[_pos] == '-')
            {
                _pos++;
                return -Unary();
            }
            if (_pos < text.Length && text[_pos] == '(')
            {
                _pos++;
                var inner = Sum();
                SkipSpaces();
                if (_pos >= text.Length || text[_pos] != ')')
                    throw new FormatException("unbalanced parenthesis");
                _pos++;
                return inner;
            }
            var start = _pos;
            while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] is '.' or ','))
                _pos++;
            return TryParse(text[start.._pos], out var number) && _pos > start ? number : throw new FormatException("number expected");
        }

        private bool Accept(char op, char alternative)
        {
            SkipSpaces();
            if (_pos >= text.Length || (text[_pos] != op && text[_pos] != alternative))
                return false;
            _pos++;
            SawOperator = true;
            return true;
        }

        private void SkipSpaces()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
                _pos++;
        }
    }
}
