using System.Globalization;
using System.Numerics;
using SynthData.Verification.Math.Evaluation;

namespace SynthData.Verification.Math.Syntax;

/// <summary>
/// Turns cleaned LaTeX or plain math into tokens. Numbers are read exactly (thousands separators, <c>.5</c>,
/// <c>1.5e3</c>); <c>\text{}</c>-like wrappers become text, units (dropped) or math; plain words become
/// functions, units, list separators or text.
/// </summary>
internal sealed partial class Lexer
{
    public const int MaxTokens = 4000;
    private const int MaxWrapperNesting = 8;
    private const int MaxDigits = 5000;

    private readonly List<Token> _tokens = [];
    private readonly CheckBudget _budget;
    private readonly bool _groupThousands;
    private int _bracketDepth;

    private Lexer(CheckBudget budget, bool groupThousands)
    {
        _budget = budget;
        _groupThousands = groupThousands;
    }

    /// <summary>
    /// The tokens of <paramref name="text"/>, or null when it holds something no answer can. With
    /// <paramref name="groupThousands"/> off, <c>70,110</c> is the list 70, 110 instead of the number 70110.
    /// </summary>
    public static List<Token>? Tokenize(string text, CheckBudget budget, bool groupThousands = true)
    {
        var lexer = new Lexer(budget, groupThousands);
        if (!lexer.Lex(text, 0))
            return null;
        lexer._tokens.Add(new Token(TokenKind.EndOfInput, ""));
        return lexer._tokens;
    }

    private bool Lex(string s, int nesting)
    {
        var i = 0;
        while (i < s.Length)
        {
            _budget.Tick();
            if (_tokens.Count > MaxTokens)
                return false;
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
            {
                if (TryBaseLiteral(s, ref i))
                    continue;
                i = ReadNumber(s, i);
                if (i < 0)
                    return false;
            }
            else if (c == '\\')
            {
                if (!ReadCommand(s, ref i, nesting))
                    return false;
            }
            else if (char.IsAsciiLetter(c))
            {
                if (TryBaseLiteral(s, ref i))
                    continue;
                var start = i;
                while (i < s.Length && char.IsAsciiLetter(s[i]))
                    i++;
                AddWord(s[start..i], s, ref i);
            }
            else if ("+-*/^_()[]{},;=<>!|%'&:".Contains(c))
            {
                if (c is '(' or '[')
                    _bracketDepth++;
                else if (c is ')' or ']')
                    _bracketDepth--;
                if (c is '<' or '>' && i + 1 < s.Length && s[i + 1] == '=')
                {
                    Add(TokenKind.Command, c == '<' ? "le" : "ge");
                    i += 2;
                    continue;
                }
                if (c == '!' && i + 1 < s.Length && s[i + 1] == '=')
                {
                    Add(TokenKind.Command, "ne");
                    i += 2;
                    continue;
                }
                if (c == '*' && i + 1 < s.Length && s[i + 1] == '*')
                {
                    Add(TokenKind.Symbol, "^");
                    i += 2;
                    continue;
                }
                Add(TokenKind.Symbol, c.ToString());
                i++;
            }
            else if (c == '.')
            {
                // A stray period (sentence end inside an answer) carries no meaning.
                i++;
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    private void Add(TokenKind kind, string text) => _tokens.Add(new Token(kind, text));

    /// <summary>Reads one number token; returns the index after it, or -1 when it cannot be held exactly.</summary>
    private int ReadNumber(string s, int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
            i++;
        var integerPart = s[start..i];
        // Thousands separators: 1,000 and 12,345,678. Inside brackets a single comma group is a list, (1,100).
        if (_groupThousands && integerPart.Length is >= 1 and <= 3 && integerPart[0] != '0')
        {
            var j = i;
            var candidateGroups = 0;
            while (j < s.Length && s[j] == ',' && IsDigitGroup(s, j + 1))
            {
                candidateGroups++;
                j += 4;
            }
            if (candidateGroups >= 2 || (candidateGroups == 1 && _bracketDepth == 0))
            {
                integerPart = s[start..j].Replace(",", "", StringComparison.Ordinal);
                i = j;
            }
        }
        var fraction = "";
        if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
        {
            var f = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
            fraction = s[f..i];
        }
        var exponent = 0;
        if (i + 1 < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            var j = i + 1;
            if (j < s.Length && (s[j] == '+' || s[j] == '-'))
                j++;
            var digitsStart = j;
            while (j < s.Length && char.IsAsciiDigit(s[j]) && j - digitsStart < 6)
                j++;
            if (j > digitsStart && (j >= s.Length || !char.IsAsciiLetterOrDigit(s[j])))
            {
                exponent = int.Parse(s[(i + 1)..j], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                i = j;
            }
        }
        var digits = (integerPart.Length == 0 ? "0" : integerPart) + fraction;
        // Parsing a huge digit string is superlinear and uninterruptible; no real answer has this many digits.
        if (digits.Length > MaxDigits)
            return -1;
        var numerator = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        var value = new BigRational(numerator, BigInteger.Pow(10, fraction.Length));
        if (exponent != 0)
        {
            // 1e999999 is not a number we can hold exactly; fail rather than misread it.
            if (BigRational.FromInteger(10).Power(exponent) is not { } scale)
                return -1;
            value *= scale;
        }
        DecimalLiteral? literal = null;
        if (fraction.Length > 0 && exponent == 0)
            literal = new DecimalLiteral(fraction.Length, SignificantDigits(digits));
        _tokens.Add(new Token(TokenKind.Number, s[start..i], value, literal));
        return i;
    }

    private static bool IsDigitGroup(string s, int at) =>
        at + 3 <= s.Length && char.IsAsciiDigit(s[at]) && char.IsAsciiDigit(s[at + 1]) && char.IsAsciiDigit(s[at + 2])
        && (at + 3 == s.Length || !char.IsAsciiDigit(s[at + 3]));

    private static int SignificantDigits(string digits)
    {
        var trimmed = digits.TrimStart('0');
        return System.Math.Max(trimmed.Length, 1);
    }

    /// <summary><c>1011_2</c>, <c>52_{8}</c>, <c>A3_{16}</c>: digits valid in a base from 2 to 36.</summary>
    private bool TryBaseLiteral(string s, ref int i)
    {
        var j = i;
        while (j < s.Length && char.IsAsciiLetterOrDigit(s[j]))
            j++;
        if (j == i || j >= s.Length || s[j] != '_')
            return false;
        var digits = s[i..j];
        var k = j + 1;
        var braced = k < s.Length && s[k] == '{';
        if (braced)
            k++;
        var b = k;
        while (k < s.Length && char.IsAsciiDigit(s[k]))
            k++;
        if (k == b || k - b > 2 || (braced && (k >= s.Length || s[k] != '}')))
            return false;
        var radix = int.Parse(s[b..k], CultureInfo.InvariantCulture);
        // Lower-case or single letters are variables with subscripts (x_1, a_{16}), not digits.
        var upperOrDigits = digits.All(ch => char.IsAsciiDigit(ch) || char.IsAsciiLetterUpper(ch));
        if (radix is < 2 or > 36 || !upperOrDigits || (digits.Length < 2 && !char.IsAsciiDigit(digits[0])))
            return false;
        if (!digits.All(ch => BaseNumber.DigitValue(ch) < radix))
            return false;
        _tokens.Add(new Token(TokenKind.Number, "base:" + digits + "_" + radix.ToString(CultureInfo.InvariantCulture)));
        i = braced ? k + 1 : k;
        return true;
    }

    private bool ReadCommand(string s, ref int i, int nesting)
    {
        var start = ++i;
        if (i >= s.Length)
            return false;
        if (!char.IsAsciiLetter(s[i]))
        {
            i++;
            return s[start] switch
            {
                '\\' => AddThen(TokenKind.RowSeparator, "\\\\"),
                _ => false,
            };
        }
        while (i < s.Length && char.IsAsciiLetter(s[i]))
            i++;
        var name = s[start..i];
        if (name is "begin" or "end")
        {
            if (ReadBraced(s, ref i) is not { } env)
                return false;
            if (name == "begin" && env == "array")
                ReadBraced(s, ref i);
            Add(name == "begin" ? TokenKind.Begin : TokenKind.End, env.TrimEnd('*'));
            return true;
        }
        if (name == "mathbb" || (name == "mathbf" && PeekBracedIsSetLetter(s, i)))
        {
            if (ReadBraced(s, ref i) is not { } set)
                return false;
            Add(TokenKind.Command, "mathbb:" + set.Trim());
            return true;
        }
        if (Vocabulary.TextWrappers.Contains(name))
        {
            if (nesting >= MaxWrapperNesting)
                return false;
            var content = ReadBraced(s, ref i);
            if (content is null)
                return ReadSingleCharacterArgument(s, ref i, nesting);
            if (FollowsValue && (IsUnit(content, name) || IsNounPhrase(content)))
            {
                SkipUnitPower(s, ref i);
                return true;
            }
            return AddWrapped(content, nesting);
        }
        if (name is "overline" or "overrightarrow" or "overleftrightarrow" or "widehat" or "vec" or "hat" or "bar")
        {
            // A named segment, arc or vector (\overline{CD}) is one symbol.
            if (ReadBraced(s, ref i) is not { } marked)
                return false;
            Add(TokenKind.Identifier, name + "{" + marked.Replace(" ", "", StringComparison.Ordinal) + "}");
            return true;
        }
        if (name is "lbrace" or "langle" or "lfloor" or "lceil")
            _bracketDepth++;
        else if (name is "rbrace" or "rangle" or "rfloor" or "rceil")
            _bracketDepth--;
        if (Vocabulary.Greek.Contains(name))
            Add(TokenKind.Identifier, name);
        else
            Add(TokenKind.Command, name);
        return name is not ("frac" or "binom") || SplitDigitArguments(s, ref i, nesting);
    }

    /// <summary>TeX reads <c>\frac12</c> as <c>\frac{1}{2}</c>: bare digit arguments are one digit each.</summary>
    private bool SplitDigitArguments(string s, ref int i, int nesting)
    {
        for (var argument = 0; argument < 2; argument++)
        {
            while (i < s.Length && s[i] == ' ')
                i++;
            if (i >= s.Length)
                return true;
            if (s[i] == '{')
            {
                var close = Extraction.BoxScanner.MatchingBrace(s, i);
                if (close < 0 || argument == 1 || nesting >= MaxWrapperNesting)
                    return true;
                // Lex the braced first argument normally, then look at the second.
                Add(TokenKind.Symbol, "{");
                if (!Lex(s[(i + 1)..close], nesting + 1))
                    return false;
                Add(TokenKind.Symbol, "}");
                i = close + 1;
                continue;
            }
            if (!char.IsAsciiDigit(s[i]))
                return true;
            _tokens.Add(new Token(TokenKind.Number, s[i].ToString(), BigRational.FromInteger(s[i] - '0')));
            i++;
        }
        return true;
    }

    private bool AddThen(TokenKind kind, string text)
    {
        Add(kind, text);
        return true;
    }

    private static bool PeekBracedIsSetLetter(string s, int i)
    {
        var j = i;
        while (j < s.Length && s[j] == ' ')
            j++;
        return j + 2 < s.Length && s[j] == '{' && "RZNQC".Contains(s[j + 1]) && s[j + 2] == '}';
    }

    private bool ReadSingleCharacterArgument(string s, ref int i, int nesting)
    {
        while (i < s.Length && s[i] == ' ')
            i++;
        if (i >= s.Length)
            return false;
        var single = s[i].ToString();
        i++;
        return Lex(single, nesting + 1);
    }

    /// <summary>The content of a brace group at <paramref name="i"/> (after spaces), advancing past it; null if none.</summary>
    private static string? ReadBraced(string s, ref int i)
    {
        var j = i;
        while (j < s.Length && s[j] == ' ')
            j++;
        if (j >= s.Length || s[j] != '{')
            return null;
        var close = Extraction.BoxScanner.MatchingBrace(s, j);
        if (close < 0)
            return null;
        i = close + 1;
        return s[(j + 1)..close];
    }

    /// <summary>Unit text such as <c>\text{ square units}</c>; a single letter is a unit only in \text or \mbox.</summary>
    private static bool IsUnit(string content, string wrapper)
    {
        var words = content.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 0 && wrapper is "mathrm" or "text" or "mbox" or "rm" or "textrm"
            && words.All(w => Vocabulary.UnitSymbols.Contains(w.Trim(',', '.'))))
            return true;
        if (words.Length == 0 || !words.All(w => Vocabulary.Units.Contains(w.Trim(',', '.'))))
            return false;
        // A single letter is a unit only in lower case inside \text (5\text{ m}), never \text{M} or \mathrm{e}.
        return words.Length > 1 || words[0].Length > 1 || (wrapper is "text" or "mbox" or "textrm" && char.IsLower(words[0][0]));
    }

    /// <summary>Words naming what was counted, as in <c>81\text{ teachers}</c>: not "and"/"or", no digits.</summary>
    private static bool IsNounPhrase(string content)
    {
        var trimmed = content.Trim();
        return trimmed.Length >= 3 && trimmed is not ("and" or "or")
            && trimmed.All(ch => char.IsAsciiLetter(ch) || ch is ' ' or '.' or '-');
    }

    /// <summary>True right after a value, where a unit or counted noun may follow and be dropped.</summary>
    private bool FollowsValue => _tokens.Count > 0 && _tokens[^1] is var last
        && (last.Kind is TokenKind.Number or TokenKind.Identifier
            || (last.Kind == TokenKind.Symbol && last.Text is ")" or "]" or "}" or "%")
            || (last.Kind == TokenKind.Command && last.Text is "pi" or "circmark" or "rbrace"));

    private bool AddWrapped(string content, int nesting)
    {
        var trimmed = content.Trim();
        if (trimmed.Length == 0)
            return true;
        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (trimmed is "and" or "or")
        {
            Add(TokenKind.ListSeparator, trimmed);
            return true;
        }
        // A number then the noun it counts (\text{12 apples}) reads as the same words outside a wrapper do: the value.
        if (CountedValue().IsMatch(trimmed) && !words.Skip(1).Any(w => w is "and" or "or" or "not"))
            return Lex(content, nesting + 1);
        // Prose, possibly with numbers in it ("June 20"), is text; "5 inches" is a value and a unit.
        if (trimmed.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is ' ' or '-' or '\'' or ',' or '.')
            && words.Any(w => w.Length >= 3 && w.All(char.IsAsciiLetter) && !Vocabulary.Functions.Contains(w) && !Vocabulary.Units.Contains(w)))
        {
            Add(TokenKind.Text, string.Join(' ', words).ToLowerInvariant());
            return true;
        }
        return Lex(content, nesting + 1);
    }

    private void AddWord(string word, string s, ref int i)
    {
        if (word is "and" or "or")
        {
            Add(TokenKind.ListSeparator, word);
            return;
        }
        var next = i < s.Length ? s[i] : '\0';
        var lower = word.ToLowerInvariant();
        if (Vocabulary.Functions.Contains(lower) && (!Vocabulary.Units.Contains(lower) || next is '(' or '{' or '\\'))
        {
            Add(TokenKind.Command, lower);
            return;
        }
        if (word.Length >= 2 && Vocabulary.Units.Contains(word))
        {
            SkipUnitPower(s, ref i);
            return;
        }
        if (lower is "pi")
        {
            Add(TokenKind.Command, "pi");
            return;
        }
        if (lower is "inf" or "infty" or "infinity")
        {
            Add(TokenKind.Command, "infty");
            return;
        }
        if (word.Length >= 3 && FollowsValue && _tokens[^1].Kind == TokenKind.Number)
        {
            // "5 apples": the noun names what was counted.
            return;
        }
        if (word.Length >= 3)
        {
            // Consecutive words form one text token ("no solution").
            if (_tokens.Count > 0 && _tokens[^1].Kind == TokenKind.Text)
                _tokens[^1] = new Token(TokenKind.Text, _tokens[^1].Text + " " + lower);
            else
                Add(TokenKind.Text, lower);
            return;
        }
        foreach (var ch in word)
            Add(TokenKind.Identifier, ch.ToString());
    }

    /// <summary>Units can carry a power (<c>\text{cm}^2</c>, <c>ft^{3}</c>); it goes with them.</summary>
    private static void SkipUnitPower(string s, ref int i)
    {
        var j = i;
        while (j < s.Length && s[j] == ' ')
            j++;
        if (j + 1 < s.Length && s[j] == '^' && char.IsAsciiDigit(s[j + 1]))
            i = j + 2;
        else if (j + 3 < s.Length && s[j] == '^' && s[j + 1] == '{' && char.IsAsciiDigit(s[j + 2]) && s[j + 3] == '}')
            i = j + 4;
    }

    /// <summary>A number (digits, optional thousands separators and decimals) then one to three plain words.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s+[A-Za-z]{3,}(?:[ -][A-Za-z]{3,}){0,2}\.?$")]
    private static partial System.Text.RegularExpressions.Regex CountedValue();
}
