using SynthData.Verification.Math.Evaluation;

namespace SynthData.Verification.Math.Syntax;

internal enum TokenKind
{
    Number,

    /// <summary>A variable or symbol name: <c>x</c>, <c>alpha</c>, <c>B</c>.</summary>
    Identifier,

    /// <summary>A LaTeX command without its backslash (<c>frac</c>, <c>pi</c>, <c>le</c>) or a plain function word.</summary>
    Command,

    /// <summary>One operator or bracket character: <c>+ - * / ^ _ ( ) [ ] { } , ; = &lt; &gt; ! | % ' &amp;</c>.</summary>
    Symbol,

    /// <summary>Words kept as text (not units, not math).</summary>
    Text,

    /// <summary>"and"/"or" between answers.</summary>
    ListSeparator,

    /// <summary><c>\\</c> inside a matrix.</summary>
    RowSeparator,

    /// <summary><c>\begin{env}</c>; the text is the environment name.</summary>
    Begin,

    /// <summary><c>\end{env}</c>.</summary>
    End,

    EndOfInput,
}

internal readonly record struct Token(TokenKind Kind, string Text, BigRational Value = default, DecimalLiteral? Decimal = null)
{
    public bool Is(char symbol) => Kind == TokenKind.Symbol && Text.Length == 1 && Text[0] == symbol;

    public bool IsCommand(string name) => Kind == TokenKind.Command && Text == name;

    public override string ToString() => Kind == TokenKind.Command ? "\\" + Text : Text;
}
