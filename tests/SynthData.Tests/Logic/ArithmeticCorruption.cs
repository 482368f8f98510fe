using SynthData.Logic;

namespace SynthData.Tests.Logic;

/// <summary>Corrupts an expression answer by changing one operator, choosing a change the checker must reject.</summary>
internal static class ArithmeticCorruption
{
    public static string FlipOneOperator(ILogicFamily family, LogicPuzzle puzzle)
    {
        var expression = LogicAnswer.Extract(puzzle.ReferenceResponse)!;
        for (var i = 0; i < expression.Length; i++)
        {
            if ("+-*/".IndexOf(expression[i]) < 0)
                continue;
            foreach (var op in "+-*/")
            {
                var changed = expression[..i] + op + expression[(i + 1)..];
                var response = LogicAnswer.Fenced(changed);
                if (!family.Check(puzzle.Instance, response).Accepted)
                    return response;
            }
        }
        return LogicAnswer.Fenced(expression + " + 1000");
    }
}
