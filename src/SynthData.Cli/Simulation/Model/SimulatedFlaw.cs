namespace SynthData.Cli.Simulation.Model;

/// <summary>How a simulated response is wrong (or <see cref="None"/> when it is right).</summary>
public enum SimulatedFlaw
{
    None,
    /// <summary>Math: a calculation slips mid-way and the error carries through to a wrong final answer.</summary>
    ArithmeticSlip,
    /// <summary>Math: sound working, then a different number is committed to as the answer.</summary>
    WrongFinalAnswer,
    /// <summary>Math: rambles and stops without committing to an answer.</summary>
    NoFinalAnswer,
    /// <summary>Math: offers the right answer, then hedges and ends on a different one.</summary>
    Hedging,
    /// <summary>Math or code: the model runs on until the token limit cuts it off (<c>finish_reason: length</c>).</summary>
    CutOff,
    /// <summary>Code: the reference program with a boundary mutated (off-by-one, flipped comparison, ...).</summary>
    OffByOne,
    /// <summary>Code: the signature with a body that gives up (<c>return None</c>).</summary>
    IncompleteBody,
    /// <summary>Code: a program that does not parse.</summary>
    SyntaxError,
    /// <summary>Code: prose only, no fenced code block.</summary>
    NoCodeBlock,
    /// <summary>Logic: the reference answer with one value, move or cell changed.</summary>
    BrokenRule,
    /// <summary>Logic: the answer written as prose, without the requested fenced block.</summary>
    NoAnswerBlock,
    /// <summary>The prompt matched no registered problem: an honest guess that nobody can vouch for.</summary>
    UnknownProblem,
}
