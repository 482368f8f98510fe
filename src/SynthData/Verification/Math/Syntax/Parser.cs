using SynthData.Verification.Math.Evaluation;

namespace SynthData.Verification.Math.Syntax;

/// <summary>
/// Recursive-descent parser from tokens to <see cref="Expr"/>. It must consume the whole answer: a trailing token it
/// cannot place fails the parse instead of being dropped, so <c>4\sqrt(2)</c> never quietly becomes 4. Nesting is
/// capped at <see cref="MaxDepth"/>, so 10,000 nested parentheses fail fast instead of overflowing the stack.
/// Precedence, loosest first: answer list (<c>, ; and or</c>), relations, set operations, + - ±, * / and
/// implicit multiplication, unary signs, powers, postfix (<c>! % '</c>, subscripts), primaries.
/// </summary>
internal sealed class Parser
{
    public const int MaxDepth = 120;

    /// <summary>Longest series written out term by term.</summary>
    private const int MaxSeriesTerms = 500;

    private static readonly Dictionary<string, RelOp> RelationCommands = new(StringComparer.Ordinal)
    {
        ["le"] = RelOp.Le, ["leq"] = RelOp.Le, ["leqslant"] = RelOp.Le, ["ge"] = RelOp.Ge, ["geq"] = RelOp.Ge,
        ["geqslant"] = RelOp.Ge, ["ne"] = RelOp.Ne, ["neq"] = RelOp.Ne, ["lt"] = RelOp.Lt, ["gt"] = RelOp.Gt,
        ["approx"] = RelOp.Approx, ["in"] = RelOp.In, ["equiv"] = RelOp.Eq,
    };

    private static readonly Dictionary<string, string> InverseFunctions = new(StringComparer.Ordinal)
    {
        ["sin"] = "arcsin", ["cos"] = "arccos", ["tan"] = "arctan", ["cot"] = "arccot", ["sec"] = "arcsec", ["csc"] = "arccsc",
    };

    private readonly List<Token> _tokens;
    private readonly CheckBudget _budget;
    private int _position;
    private int _depth;
    private int _openAbsoluteBars;

    private Parser(List<Token> tokens, CheckBudget budget)
    {
        _tokens = tokens;
        _budget = budget;
    }

    /// <summary>The expression tree of <paramref name="text"/>, or null when it is not (entirely) math we read.</summary>
    public static Expr? Parse(string text, CheckBudget budget, bool groupThousands = true)
    {
        var tokens = Lexer.Tokenize(LatexCleaner.Clean(text), budget, groupThousands);
        if (tokens is null || tokens.Count <= 1)
            return null;
        var parser = new Parser(tokens, budget);
        // "= 5" and "\approx 8.24" state a value.
        if (tokens[0].Is('=') || tokens[0].IsCommand("approx"))
            parser._position++;
        try
        {
            var result = parser.ParseList();
            return parser.Peek.Kind == TokenKind.EndOfInput ? result : null;
        }
        catch (ParseFailure)
        {
            return null;
        }
    }

    private Token Peek => _tokens[_position];

    private Token Next()
    {
        _budget.Tick();
        var token = _tokens[_position];
        if (token.Kind != TokenKind.EndOfInput)
            _position++;
        return token;
    }

    private void Expect(char symbol)
    {
        if (!Next().Is(symbol))
            throw new ParseFailure();
    }

    private void Descend()
    {
        if (++_depth > MaxDepth)
            throw new ParseFailure();
    }

    private Expr ParseList()
    {
        var items = new List<Expr> { ParseRelation() };
        var groups = new List<Expr>();
        var commas = false;
        while (Peek.Is(',') || Peek.Is(';') || Peek.Kind == TokenKind.ListSeparator)
        {
            var separator = Next();
            commas |= separator.Is(',');
            if (separator.Is(';'))
            {
                groups.Add(items.Count == 1 ? items[0] : new AnswerList([.. items]));
                items = [];
            }
            // "x = 1, or x = 2": a separator word right after a comma is the same separator.
            if (Peek.Kind == TokenKind.ListSeparator)
                Next();
            items.Add(ParseRelation());
        }
        if (groups.Count > 0 && commas)
        {
            // "p=5,q=2; p=7,q=2": semicolons separate solutions, commas the parts of one solution.
            groups.Add(items.Count == 1 ? items[0] : new AnswerList([.. items]));
            return new AnswerList([.. groups]);
        }
        if (groups.Count > 0)
            items = [.. groups.Concat(items)];
        return items.Count == 1 ? items[0] : new AnswerList([.. items]);
    }

    private Expr ParseRelation()
    {
        Descend();
        var first = ParseRatio();
        List<Expr>? operands = null;
        List<RelOp>? ops = null;
        while (RelationAt(Peek) is { } op)
        {
            Next();
            operands ??= [first];
            ops ??= [];
            ops.Add(op);
            operands.Add(ParseRatio());
        }
        _depth--;
        return operands is null ? first : new Relation([.. operands], [.. ops!]);
    }

    /// <summary><c>AB:CD</c> and <c>2:1</c>; a ratio may stand on either side of a relation (<c>V_1:V_2 = 11:21</c>).</summary>
    private Expr ParseRatio()
    {
        var first = ParseSetExpression();
        if (!Peek.Is(':'))
            return first;
        Next();
        return new Bracketed(':', ':', [first, ParseSetExpression()]);
    }

    private static RelOp? RelationAt(Token token)
    {
        if (token.Kind == TokenKind.Symbol)
        {
            return token.Text switch
            {
                "=" => RelOp.Eq,
                "<" => RelOp.Lt,
                ">" => RelOp.Gt,
                _ => null,
            };
        }
        return token.Kind == TokenKind.Command && RelationCommands.TryGetValue(token.Text, out var op) ? op : null;
    }

    private Expr ParseSetExpression()
    {
        var left = ParseAdditive();
        while (Peek.Kind == TokenKind.Command && Peek.Text is "cup" or "cap" or "setminus" or "backslash")
        {
            var kind = Next().Text switch
            {
                "cup" => SetOpKind.Union,
                "cap" => SetOpKind.Intersection,
                _ => SetOpKind.Difference,
            };
            left = new SetOp(kind, left, ParseAdditive());
        }
        return left;
    }

    private Expr ParseAdditive()
    {
        Descend();
        var terms = new List<Expr> { ParseTerm() };
        while (true)
        {
            if (Peek.Is('+'))
            {
                Next();
                terms.Add(ParseTerm());
            }
            else if (Peek.Is('-'))
            {
                Next();
                terms.Add(new Neg(ParseTerm()));
            }
            else if (Peek.IsCommand("pm") || Peek.IsCommand("mp"))
            {
                var minusFirst = Next().Text == "mp";
                var right = ParseTerm();
                var left = terms.Count == 1 ? terms[0] : new Add([.. terms]);
                terms.Clear();
                terms.Add(new PlusMinus(left, minusFirst ? new Neg(right) : right));
            }
            else
            {
                break;
            }
        }
        _depth--;
        return terms.Count == 1 ? terms[0] : new Add([.. terms]);
    }

    private Expr ParseTerm()
    {
        Descend();
        var factors = new List<Expr> { ParseUnary() };
        while (true)
        {
            var token = Peek;
            if (token.Is('*') || token.IsCommand("cdot") || token.IsCommand("times") || token.IsCommand("ast"))
            {
                Next();
                factors.Add(ParseUnary());
            }
            else if (token.Is('/') || token.IsCommand("div") || token.IsCommand("over"))
            {
                Next();
                var numerator = factors.Count == 1 ? factors[0] : new Mul([.. factors]);
                factors.Clear();
                factors.Add(new Div(numerator, ParseUnary()));
            }
            else if (StartsImplicitFactor(token))
            {
                if (token.Kind == TokenKind.Number && EndsInNumber(factors[^1]))
                    throw new ParseFailure();
                if (factors.Count == 1 && token.IsCommand("frac") && MixedNumberWhole(factors[0]) is { } whole)
                {
                    factors[0] = MixedNumber(whole, ParsePower());
                    continue;
                }
                factors.Add(ParsePower());
            }
            else
            {
                break;
            }
        }
        _depth--;
        return factors.Count == 1 ? factors[0] : new Mul([.. factors]);
    }

    private static bool EndsInNumber(Expr e) => e is Num or BaseNumber || (e is Neg n && EndsInNumber(n.Operand));

    /// <summary>2\frac{1}{2} is the mixed number 5/2, as in school answers, when whole and fraction are plain integers.</summary>
    private static (BigRational Value, bool Negative)? MixedNumberWhole(Expr e) => e switch
    {
        Num { Decimal: null } n when n.Value.IsInteger && n.Value.Sign > 0 => (n.Value, false),
        Neg { Operand: Num { Decimal: null } n } when n.Value.IsInteger && n.Value.Sign > 0 => (n.Value, true),
        _ => null,
    };

    private static Expr MixedNumber((BigRational Value, bool Negative) whole, Expr fraction)
    {
        if (fraction is Div { Numerator: Num { Decimal: null } a, Denominator: Num { Decimal: null } b }
            && a.Value.IsInteger && b.Value.IsInteger && a.Value.Sign > 0 && b.Value.CompareTo(a.Value) > 0)
        {
            var value = whole.Value + BigRational.Divide(a.Value, b.Value)!.Value;
            return whole.Negative ? new Neg(new Num(value)) : new Num(value);
        }
        var product = new Mul([new Num(whole.Value), fraction]);
        return whole.Negative ? new Neg(product) : product;
    }

    private bool StartsImplicitFactor(Token token) => token.Kind switch
    {
        TokenKind.Number or TokenKind.Identifier => true,
        TokenKind.Command => token.Text is "frac" or "sqrt" or "binom" or "pi" or "infty" or "lfloor" or "lceil" or "sum" or "prod"
            || Vocabulary.Functions.Contains(token.Text),
        TokenKind.Symbol => token.Text is "(" or "{" or "[" || (token.Text == "|" && _openAbsoluteBars == 0),
        _ => false,
    };

    private Expr ParseUnary()
    {
        Descend();
        Expr result;
        if (Peek.Is('-'))
        {
            Next();
            result = new Neg(ParseUnary());
        }
        else if (Peek.Is('+'))
        {
            Next();
            result = ParseUnary();
        }
        else if (Peek.IsCommand("pm") || Peek.IsCommand("mp"))
        {
            Next();
            result = new PlusMinus(null, ParseUnary());
        }
        else
        {
            result = ParsePower();
        }
        _depth--;
        return result;
    }

    private Expr ParsePower()
    {
        Descend();
        var result = ParsePostfix(ParsePrimary());
        if (Peek.Is('^'))
        {
            Next();
            result = new Pow(result, ParseExponent());
        }
        _depth--;
        return result;
    }

    /// <summary>
    /// A superscript: a brace group, a signed operand or one operand, right-associative. A bare number takes all
    /// its digits (<c>2^10</c> is meant as 1024 whenever someone types it).
    /// </summary>
    private Expr ParseExponent()
    {
        Descend();
        Expr result;
        if (Peek.Is('-'))
        {
            Next();
            result = new Neg(ParseExponent());
        }
        else if (Peek.Is('+'))
        {
            Next();
            result = ParseExponent();
        }
        else
        {
            result = ParsePostfix(ParsePrimary());
            if (Peek.Is('^'))
            {
                Next();
                result = new Pow(result, ParseExponent());
            }
        }
        _depth--;
        return result;
    }

    private Expr ParsePostfix(Expr operand)
    {
        while (true)
        {
            if (Peek.Is('!'))
            {
                Next();
                operand = new Call("factorial", [operand]);
            }
            else if (Peek.IsCommand("circmark"))
            {
                Next();
                operand = new Call("degrees", [DegreesAndMinutes(operand)]);
            }
            else if (Peek.Is('%'))
            {
                Next();
                operand = new Percent(operand);
            }
            else if (Peek.Is('\'') && operand is Sym prime)
            {
                Next();
                operand = new Sym(prime.Name + "'");
            }
            else
            {
                return operand;
            }
        }
    }

    /// <summary>30^\circ 15' 36'' is 30 + 15/60 + 36/3600 degrees.</summary>
    private Expr DegreesAndMinutes(Expr degrees)
    {
        var terms = new List<Expr> { degrees };
        foreach (var (marks, per) in new[] { (1, 60), (2, 3600) })
        {
            if (Peek.Kind != TokenKind.Number || _position + marks >= _tokens.Count
                || !Enumerable.Range(1, marks).All(k => _tokens[_position + k].Is('\''))
                || (marks == 1 && _position + 2 < _tokens.Count && _tokens[_position + 2].Is('\'')))
                continue;
            var amount = NumberOf(Next());
            for (var k = 0; k < marks; k++)
                Next();
            terms.Add(new Div(amount, new Num(BigRational.FromInteger(per))));
        }
        return terms.Count == 1 ? degrees : new Add([.. terms]);
    }

    private Expr ParsePrimary()
    {
        Descend();
        var token = Next();
        var result = token.Kind switch
        {
            TokenKind.Number => NumberOf(token),
            TokenKind.Identifier => ParseIdentifier(token.Text),
            TokenKind.Command => ParseCommand(token.Text),
            TokenKind.Symbol => ParseGroup(token),
            TokenKind.Text => new Text(token.Text),
            TokenKind.Begin => ParseMatrix(token.Text),
            _ => throw new ParseFailure(),
        };
        _depth--;
        return result;
    }

    private static Expr NumberOf(Token token)
    {
        if (!token.Text.StartsWith("base:", StringComparison.Ordinal))
            return new Num(token.Value, token.Decimal);
        var literal = token.Text["base:".Length..];
        var underscore = literal.LastIndexOf('_');
        return new BaseNumber(literal[..underscore], int.Parse(literal[(underscore + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private Expr ParseIdentifier(string name)
    {
        if (Peek.Is('_'))
        {
            Next();
            return new Sym(name + "_" + SubscriptText());
        }
        return name switch
        {
            "e" => new Const(ConstKind.E),
            "i" => new Const(ConstKind.I),
            _ => new Sym(name),
        };
    }

    /// <summary>A subscript as a canonical name part: <c>a_{10}</c> and <c>a_10</c> are both <c>a_10</c>.</summary>
    private string SubscriptText()
    {
        if (!Peek.Is('{'))
            return Next().Text;
        Next();
        var parts = new List<string>();
        var depth = 1;
        while (true)
        {
            var token = Next();
            if (token.Kind == TokenKind.EndOfInput)
                throw new ParseFailure();
            if (token.Is('{'))
                depth++;
            else if (token.Is('}') && --depth == 0)
                break;
            parts.Add(token.Text);
        }
        return string.Concat(parts);
    }

    private Expr ParseCommand(string name)
    {
        switch (name)
        {
            case "frac":
                return new Div(ParseArgument(), ParseArgument());
            case "binom":
                return new Call("binom", [ParseArgument(), ParseArgument()]);
            case "sqrt":
                return ParseRoot();
            case "pi":
                return new Const(ConstKind.Pi);
            case "infty" or "infin":
                return new Const(ConstKind.Infinity);
            case "emptyset" or "varnothing":
                return new NamedSet("empty");
            case "lbrace":
                return new SetOf([.. ParseItemsUntil(t => t.IsCommand("rbrace"), allowEmpty: true)]);
            case "langle":
                return new Bracketed('<', '>', [.. ParseItemsUntil(t => t.IsCommand("rangle"), allowEmpty: false)]);
            case "sum" or "prod":
                return ParseSeries(name == "sum");
            case "lfloor":
                return Enclosed("floor", "rfloor");
            case "lceil":
                return Enclosed("ceil", "rceil");
        }
        if (name.StartsWith("mathbb:", StringComparison.Ordinal))
            return new NamedSet(name["mathbb:".Length..]);
        if (Vocabulary.Functions.Contains(name) && name != "det")
            return ParseFunction(name);
        throw new ParseFailure();
    }

    /// <summary>
    /// <c>\sum_{k=1}^{10} k^2</c>: with integer bounds the series is written out term by term, so it is exact;
    /// symbolic bounds are not read (the answer then compares as written).
    /// </summary>
    private Expr ParseSeries(bool isSum)
    {
        Expect('_');
        Expect('{');
        if (Next() is not { Kind: TokenKind.Identifier } index)
            throw new ParseFailure();
        Expect('=');
        var low = ParseAdditive();
        Expect('}');
        Expect('^');
        var high = ParseExponent();
        var factors = new List<Expr> { ParsePower() };
        while (StartsImplicitFactor(Peek) && !Peek.IsCommand("sum") && !Peek.IsCommand("prod"))
            factors.Add(ParsePower());
        var body = factors.Count == 1 ? factors[0] : new Mul([.. factors]);
        if (ExactEvaluator.Evaluate(low, _budget) is not { IsInteger: true } from
            || ExactEvaluator.Evaluate(high, _budget) is not { IsInteger: true } to)
            throw new ParseFailure();
        var count = to - from;
        if (count.Sign < 0 || count.CompareTo(BigRational.FromInteger(MaxSeriesTerms)) >= 0)
            throw new ParseFailure();
        var terms = new List<Expr>();
        for (var k = from; k.CompareTo(to) <= 0; k += BigRational.One)
            terms.Add(ExprFacts.Substitute(body, index.Text, new Num(k)));
        return isSum ? new Add([.. terms]) : new Mul([.. terms]);
    }

    private Expr Enclosed(string function, string close)
    {
        var saved = _openAbsoluteBars;
        _openAbsoluteBars = 0;
        var inner = ParseRelation();
        _openAbsoluteBars = saved;
        if (!Next().IsCommand(close))
            throw new ParseFailure();
        return new Call(function, [inner]);
    }

    /// <summary>A command argument: a brace group, or (tolerated) a parenthesised group, or one token.</summary>
    private Expr ParseArgument()
    {
        if (Peek.Is('{'))
        {
            Next();
            var inner = ParseList();
            Expect('}');
            return inner;
        }
        if (Peek.Is('('))
            return ParsePrimary();
        var token = Next();
        return token.Kind switch
        {
            TokenKind.Number => NumberOf(token),
            TokenKind.Identifier => ParseIdentifier(token.Text),
            TokenKind.Command when token.Text is "pi" or "infty" => ParseCommand(token.Text),
            _ => throw new ParseFailure(),
        };
    }

    private Expr ParseRoot()
    {
        Expr index = new Num(BigRational.FromInteger(2));
        if (Peek.Is('['))
        {
            Next();
            index = ParseAdditive();
            Expect(']');
        }
        var radicand = ParseArgument();
        return new Pow(radicand, new Div(new Num(BigRational.One), index));
    }

    private Expr ParseFunction(string name)
    {
        if (name == "sqrt")
            return ParseRoot();
        Expr? power = null;
        Expr? logBase = null;
        for (var round = 0; round < 2; round++)
        {
            if (Peek.Is('^') && power is null)
            {
                Next();
                power = ParseExponent();
            }
            else if (Peek.Is('_') && name == "log" && logBase is null)
            {
                Next();
                logBase = ParseExponent();
            }
        }
        if (power is Neg { Operand: Num n } && n.Value == BigRational.One && InverseFunctions.TryGetValue(name, out var inverse))
        {
            name = inverse;
            power = null;
        }

        List<Expr> args;
        if (Peek.Is('('))
        {
            Next();
            args = ParseItemsUntil(t => t.Is(')'), allowEmpty: false);
        }
        else if (Peek.Is('{'))
        {
            args = [ParseArgument()];
        }
        else
        {
            // \sin 2x is sin(2x); \sin x \cos x is sin(x)cos(x): the argument stops at the next function.
            var factors = new List<Expr> { ParsePower() };
            while (StartsImplicitFactor(Peek) && !(Peek.Kind == TokenKind.Command && Vocabulary.Functions.Contains(Peek.Text)))
                factors.Add(ParsePower());
            args = [factors.Count == 1 ? factors[0] : new Mul([.. factors])];
        }
        if (name is "sin" or "cos" or "tan" or "cot" or "sec" or "csc")
            args = [.. args.Select(DegreesToRadians)];
        if (name == "lg")
            logBase = new Num(BigRational.FromInteger(10));
        if (logBase is not null)
            args.Add(logBase);
        if (name is "ln" or "lg")
            name = "log";
        Expr call = new Call(name, [.. args]);
        return power is null ? call : new Pow(call, power);
    }

    /// <summary>Inside a trig function 45^\circ means 45 * pi/180; elsewhere a degree mark is just a unit.</summary>
    private static Expr DegreesToRadians(Expr e) => e switch
    {
        Call { Name: "degrees" } d => new Mul([d.Args[0], new Div(new Const(ConstKind.Pi), new Num(BigRational.FromInteger(180)))]),
        Neg n => new Neg(DegreesToRadians(n.Operand)),
        Add a => new Add([.. a.Terms.Select(DegreesToRadians)]),
        Mul m => new Mul([.. m.Factors.Select(DegreesToRadians)]),
        _ => e,
    };

    private List<Expr> ParseItemsUntil(Func<Token, bool> isClose, bool allowEmpty)
    {
        var saved = _openAbsoluteBars;
        _openAbsoluteBars = 0;
        var items = new List<Expr>();
        if (allowEmpty && isClose(Peek))
        {
            Next();
            _openAbsoluteBars = saved;
            return items;
        }
        items.Add(ParseRelation());
        while (Peek.Is(',') || Peek.Is(';') || Peek.Kind == TokenKind.ListSeparator)
        {
            Next();
            items.Add(ParseRelation());
        }
        if (!isClose(Next()))
            throw new ParseFailure();
        _openAbsoluteBars = saved;
        return items;
    }

    private Expr ParseGroup(Token open)
    {
        switch (open.Text)
        {
            case "(" or "[":
            {
                var saved = _openAbsoluteBars;
                _openAbsoluteBars = 0;
                var items = new List<Expr> { ParseRelation() };
                // (0;-2;6) is the tuple (0,-2,6) in many countries' notation; one kind of separator per tuple.
                var separator = Peek.Is(';') ? ';' : ',';
                while (Peek.Is(separator))
                {
                    Next();
                    items.Add(ParseRelation());
                }
                _openAbsoluteBars = saved;
                var close = Next();
                if (!(close.Is(')') || close.Is(']')))
                    throw new ParseFailure();
                if (items.Count == 1)
                {
                    // (x) and [x] are grouping; (1] is nothing.
                    if (open.Text == "(" != close.Is(')'))
                        throw new ParseFailure();
                    return items[0];
                }
                return new Bracketed(open.Text[0], close.Text[0], [.. items]);
            }
            case "{":
            {
                var inner = ParseList();
                Expect('}');
                return inner;
            }
            case "|":
            {
                _openAbsoluteBars++;
                var inner = ParseAdditive();
                _openAbsoluteBars--;
                Expect('|');
                return new Call("abs", [inner]);
            }
            default:
                throw new ParseFailure();
        }
    }

    private Expr ParseMatrix(string environment)
    {
        if (environment is not ("pmatrix" or "bmatrix" or "Bmatrix" or "matrix" or "smallmatrix" or "array" or "vmatrix"))
            throw new ParseFailure();
        var rows = new List<Expr[]>();
        var row = new List<Expr>();
        while (true)
        {
            _budget.Tick();
            if (Peek.Kind == TokenKind.End)
            {
                Next();
                if (row.Count > 0)
                    rows.Add([.. row]);
                break;
            }
            if (Peek.Kind == TokenKind.RowSeparator)
            {
                Next();
                rows.Add([.. row]);
                row.Clear();
                continue;
            }
            row.Add(ParseRelation());
            if (Peek.Is('&'))
                Next();
            else if (Peek.Kind is not (TokenKind.RowSeparator or TokenKind.End))
                throw new ParseFailure();
        }
        if (rows.Count == 0 || rows.Any(r => r.Length != rows[0].Length))
            throw new ParseFailure();
        Expr matrix = new Matrix([.. rows]);
        return environment == "vmatrix" ? new Call("det", [matrix]) : matrix;
    }

    private sealed class ParseFailure : Exception;
}
