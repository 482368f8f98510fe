using System.Globalization;
using SynthData.Common;

namespace SynthData.Logic.Arithmetic;

/// <summary>A parsed arithmetic answer: its exact value and the number literals it used, in order.</summary>
public sealed record ArithmeticValue(Rational Value, IReadOnlyList<long> Numbers);

/// <summary>
/// A tiny recursive-descent parser and exact evaluator for answers such as <c>(25 - 5) * 4 + 3</c>: non-negative
/// integer literals, + - * / (also × ÷ and the Unicode minus), and brackets. Nothing else is accepted (no unary minus,
/// no names, no powers), so a response can never make the trusted side evaluate anything but this arithmetic.
/// Work is capped: long or deeply nested inputs are rejected, and overflow or division by zero is an error.
/// </summary>
public static class ArithmeticExpression
{
    private const int MaxTokens = 400;
    private const int MaxDepth = 40;
    private const int MaxLiteralDigits = 12;

    /// <summary>The value of <paramref name="text"/>, or null with <paramref name="error"/> saying why.</summary>
    public static ArithmeticValue? TryEvaluate(string text, out string error)
    {
        var tokens = Tokenize(text, out error);
        if (tokens is null)
            return null;
        if (tokens.Count == 0)
        {
            error = "the expression is empty";
            return null;
        }
        var parser = new Parser(tokens);
        try
        {
            var value = parser.Expression(0);
            if (parser.Position != tokens.Count)
            {
                error = $"unexpected '{tokens[parser.Position].Text}' after the expression";
                return null;
            }
            error = "";
            return new ArithmeticValue(value, parser.Numbers);
        }
        catch (FormatException e)
        {
            error = e.Message;
        }
        catch (DivideByZeroException)
        {
            error = "the expression divides by zero";
        }
        catch (OverflowException)
        {
            error = "the expression's value is too large";
        }
        return null;
    }

    /// <summary>
    /// The expression part of an answer block: its last non-empty line, and of a line written as an equation
    /// (<c>(3 + 5) * 3 = 24</c> or <c>24 = ...</c>) the side with the most characters, so a restated target is ignored.
    /// </summary>
    public static string ExpressionPart(string answer)
    {
        var lines = LogicAnswer.Lines(answer);
        if (lines.Count == 0)
            return "";
        var sides = lines[^1].Split('=', StringSplitOptions.TrimEntries);
        return sides.MaxBy(s => s.Length) ?? "";
    }

    private readonly record struct Token(char Kind, long Number, string Text);

    private static List<Token>? Tokenize(string text, out string error)
    {
        var tokens = new List<Token>();
        error = "";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '`')
                continue;
            if (tokens.Count >= MaxTokens)
            {
                error = $"the expression is longer than {MaxTokens} tokens";
                return null;
            }
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
                    i++;
                var digits = text[start..(i + 1)];
                if (digits.Length > MaxLiteralDigits)
                {
                    error = $"the number {digits[..MaxLiteralDigits]}... is too long";
                    return null;
                }
                tokens.Add(new Token('n', long.Parse(digits, CultureInfo.InvariantCulture), digits));
                continue;
            }
            var kind = c switch
            {
                '+' => '+',
                '-' or '\u2212' or '\u2013' => '-',
                '*' or '\u00d7' or '\u00b7' or '\u22c5' => '*',
                '/' or '\u00f7' => '/',
                '(' or '[' or '{' => '(',
                ')' or ']' or '}' => ')',
                _ => '\0',
            };
            if (kind == '\0')
            {
                error = $"'{c}' is not allowed (only numbers, + - * / and brackets)";
                return null;
            }
            tokens.Add(new Token(kind, 0, c.ToString()));
        }
        return tokens;
    }

    private sealed class Parser(List<Token> tokens)
    {
        public int Position { get; private set; }
        public List<long> Numbers { get; } = [];

        public Rational Expression(int depth)
        {
            var value = Term(depth);
            while (Peek() is '+' or '-')
            {
                var op = tokens[Position++].Kind;
                var right = Term(depth);
                value = op == '+' ? value + right : value - right;
            }
            return value;
        }

        private Rational Term(int depth)
        {
            var value = Factor(depth);
            while (Peek() is '*' or '/')
            {
                var op = tokens[Position++].Kind;
                var right = Factor(depth);
                value = op == '*' ? value * right : value / right;
            }
            return value;
        }

        private Rational Factor(int depth)
        {
            if (depth > MaxDepth)
                throw new FormatException($"brackets are nested deeper than {MaxDepth}");
            if (Position >= tokens.Count)
                throw new FormatException("the expression ends where a number was expected");
            var token = tokens[Position++];
            switch (token.Kind)
            {
                case 'n':
                    Numbers.Add(token.Number);
                    return token.Number;
                case '(':
                    var inner = Expression(depth + 1);
                    if (Peek() != ')')
                        throw new FormatException("a bracket is not closed");
                    Position++;
                    return inner;
                case '-':
                    throw new FormatException("unary minus is not allowed: subtract one expression from another");
                default:
                    throw new FormatException($"'{token.Text}' where a number or '(' was expected");
            }
        }

        private char Peek() => Position < tokens.Count ? tokens[Position].Kind : '\0';
    }
}
