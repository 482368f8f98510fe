using System.Globalization;

namespace SynthData.Tests.Problems.Generators.Math;

/// <summary>
/// A small recursive-descent evaluator for the ASCII expressions the generators store in metadata
/// (<c>+ - * / ^</c>, brackets, unary minus, integers, single-letter variables), written independently of the
/// generators' expression trees. <c>^</c> binds tighter than unary minus and is right-associative.
/// </summary>
internal sealed class IndependentEvaluator
{
    private readonly string _text;
    private readonly IReadOnlyDictionary<char, Fraction> _variables;
    private int _pos;

    private IndependentEvaluator(string text, IReadOnlyDictionary<char, Fraction> variables)
    {
        _text = text;
        _variables = variables;
    }

    public static Fraction Evaluate(string expression, IReadOnlyDictionary<char, Fraction>? variables = null)
    {
        var parser = new IndependentEvaluator(expression, variables ?? new Dictionary<char, Fraction>());
        var value = parser.Sum();
        parser.SkipSpaces();
        Assert.True(parser._pos == expression.Length, $"unparsed input at {parser._pos} in '{expression}'");
        return value;
    }

    /// <summary>Left side minus right side of an equation <c>L = R</c> at the given variable values.</summary>
    public static Fraction Residual(string equation, IReadOnlyDictionary<char, Fraction> variables)
    {
        var sides = equation.Split('=');
        Assert.Equal(2, sides.Length);
        return Evaluate(sides[0], variables) - Evaluate(sides[1], variables);
    }

    private Fraction Sum()
    {
        var value = Product();
        while (Accept('+') || Peek('-'))
        {
            if (Accept('-'))
                value -= Product();
            else
                value += Product();
        }
        return value;
    }

    private Fraction Product()
    {
        var value = Unary();
        while (true)
        {
            if (Accept('*'))
                value *= Unary();
            else if (Accept('/'))
                value /= Unary();
            else
                return value;
        }
    }

    private Fraction Unary() => Accept('-') ? -Unary() : Power();

    private Fraction Power()
    {
        var value = Atom();
        if (!Accept('^'))
            return value;
        var exponent = Unary();
        Assert.True(exponent.Den.IsOne && exponent.Num >= 0, "exponents are non-negative integers");
        Fraction result = 1;
        for (var i = 0; i < (int)exponent.Num; i++)
            result *= value;
        return result;
    }

    private Fraction Atom()
    {
        SkipSpaces();
        if (Accept('('))
        {
            var inner = Sum();
            Assert.True(Accept(')'), $"missing ')' in '{_text}'");
            return inner;
        }
        var start = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            _pos++;
        if (_pos > start)
            return long.Parse(_text.AsSpan(start, _pos - start), CultureInfo.InvariantCulture);
        Assert.True(_pos < _text.Length && _variables.ContainsKey(_text[_pos]), $"unexpected input at {_pos} in '{_text}'");
        return _variables[_text[_pos++]];
    }

    private bool Peek(char c)
    {
        SkipSpaces();
        return _pos < _text.Length && _text[_pos] == c;
    }

    private bool Accept(char c)
    {
        if (!Peek(c))
            return false;
        _pos++;
        return true;
    }

    private void SkipSpaces()
    {
        while (_pos < _text.Length && _text[_pos] == ' ')
            _pos++;
    }
}
