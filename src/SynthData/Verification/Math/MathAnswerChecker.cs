using System.ComponentModel.DataAnnotations;
using SynthData.Verification.Math.Equivalence;
using SynthData.Verification.Math.Evaluation;
using SynthData.Verification.Math.Extraction;
using SynthData.Verification.Math.Syntax;

namespace SynthData.Verification.Math;

/// <summary>
/// The math answer checker: extracts the final answer, parses both answers into expression trees and decides
/// equivalence, precision first (a wrong answer must never pass). Thread-safe and stateless per call; every call
/// returns within <see cref="MathVerifierOptions.Timeout"/> (a cooperative budget plus size caps) and never throws.
/// </summary>
public sealed class MathAnswerChecker : IMathAnswerChecker
{
    private readonly MathVerifierOptions _options;
    private readonly AnswerExtractor _extractor;

    /// <exception cref="ValidationException">The options are invalid.</exception>
    public MathAnswerChecker(MathVerifierOptions? options = null)
    {
        // A private copy: changing the caller's options later must not change a checker other threads are using.
        _options = options?.Copy() ?? new MathVerifierOptions();
        _options.Validate();
        _extractor = new AnswerExtractor(_options.LastNumberFallback);
    }

    public string Version => "math-5";

    public MathCheckResult Check(string gold, string prediction)
    {
        string? extracted = null;
        try
        {
            var budget = new CheckBudget(_options.Timeout);
            var goldAnswer = _extractor.Extract(gold ?? "", isReference: true).Answer;
            if (goldAnswer is null)
                return new MathCheckResult(false, null, "gold has no answer", MathCheckOutcome.NoAnswer);
            var predExtraction = _extractor.Extract(prediction ?? "");
            if (predExtraction.Answer is not { } predAnswer)
                return new MathCheckResult(false, null, predExtraction.Reason, MathCheckOutcome.NoAnswer);
            extracted = predAnswer.Text;
            var comparison = Compare(goldAnswer.Text, predAnswer, budget);
            var verdict = comparison.Equal ? "equivalent" : "not equivalent";
            return new MathCheckResult(comparison.Equal, extracted, $"{verdict}: {comparison.Reason} [answer: {predAnswer.Rule}]",
                comparison.Equal ? MathCheckOutcome.Equivalent : MathCheckOutcome.NotEquivalent);
        }
        catch (CheckBudgetExceededException)
        {
            return new MathCheckResult(false, extracted, $"not equivalent: check exceeded its {_options.Timeout.TotalSeconds:g} s deadline",
                MathCheckOutcome.NotEquivalent);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug must cost one verdict, not the batch: reported as not equivalent with the cause.
            return new MathCheckResult(false, extracted, $"not equivalent: checker error {ex.GetType().Name}: {ex.Message}",
                MathCheckOutcome.NotEquivalent);
        }
    }

    private Comparison Compare(string goldText, ExtractedAnswer pred, CheckBudget budget)
    {
        if (pred.Parts.Count == 1 && WrittenForm.Quick(goldText) == WrittenForm.Quick(pred.Parts[0]))
            return Comparison.Yes("identical after normalisation");
        if (WrittenForm.ChoiceLetter(goldText, whole: true) is { } goldLetter)
        {
            var predLetter = WrittenForm.ChoiceLetter(pred.Text, whole: false);
            if (predLetter is not null)
            {
                return predLetter == goldLetter
                    ? Comparison.Yes($"same choice ({goldLetter})")
                    : Comparison.No($"choice {predLetter} vs {goldLetter}");
            }
        }

        var goldExpr = Parser.Parse(goldText, budget);
        var predExpr = ParseParts(pred, budget);
        if ((goldExpr is null || predExpr is null) && budget.Expired)
            throw new CheckBudgetExceededException(); // out of time, not "not math": say so
        if (goldExpr is null || predExpr is null)
            return CompareAsText(goldText, pred.Text, goldExpr is null ? "gold" : "prediction");

        var engine = new EquivalenceEngine(_options, budget);
        if (pred.Join == PartJoin.Alternatives && predExpr is AnswerList alternatives)
        {
            // "\boxed{2/5} or \boxed{0.4}" is one answer written twice; "\boxed{3} or \boxed{4}" commits to neither,
            // unless the gold itself lists several answers and the alternatives are that list.
            if (alternatives.Items.Skip(1).All(a => engine.Compare(alternatives.Items[0], a).Equal))
                predExpr = alternatives.Items[^1];
            else if (goldExpr is not (AnswerList or SetOf))
                return Comparison.No($"hedging between {alternatives.Items.Length} different answers");
        }
        var result = engine.Compare(goldExpr, predExpr);
        if (!result.Equal && pred.Parts.Count == 1 && OtherCommaReading(goldText, predExpr, pred.Parts[0], goldExpr, engine, budget) is { } other)
            result = other;
        // The values were compared without their units: 5 km and 5 m are equal numbers, not the same answer.
        if (result.Equal && pred.Parts.Count == 1 && StatedUnits.Differ(goldText, pred.Parts[0]) is { } units)
            return Comparison.No(units);
        return result;
    }

    /// <summary>
    /// "70,110" is 70110 or the list 70, 110. When the first reading fails we try the other one on the side that has
    /// such a comma (never both sides at once, so a number cannot be matched against a list by accident).
    /// </summary>
    private static Comparison? OtherCommaReading(string goldText, Expr predExpr, string predText, Expr goldExpr,
        EquivalenceEngine engine, CheckBudget budget)
    {
        if (WrittenForm.HasAmbiguousComma(goldText) && Parser.Parse(goldText, budget, groupThousands: false) is { } goldList)
        {
            var c = engine.Compare(goldList, predExpr);
            if (c.Equal)
                return c with { Reason = c.Reason + " (gold's commas read as a list)" };
        }
        if (WrittenForm.HasAmbiguousComma(predText) && Parser.Parse(predText, budget, groupThousands: false) is { } predList)
        {
            var c = engine.Compare(goldExpr, predList);
            if (c.Equal)
                return c with { Reason = c.Reason + " (prediction's commas read as a list)" };
        }
        // "1,22" against 1.22: a decimal comma, read as such only against a single decimal number.
        if (WrittenForm.DecimalComma(goldText) is { } goldDecimal && predExpr is Num { Decimal: not null }
            && Parser.Parse(goldDecimal, budget) is { } goldNumber && engine.Compare(goldNumber, predExpr) is { Equal: true } g)
            return g with { Reason = g.Reason + " (gold's comma read as a decimal comma)" };
        if (WrittenForm.DecimalComma(predText) is { } predDecimal && goldExpr is Num { Decimal: not null }
            && Parser.Parse(predDecimal, budget) is { } predNumber && engine.Compare(goldExpr, predNumber) is { Equal: true } p)
            return p with { Reason = p.Reason + " (prediction's comma read as a decimal comma)" };
        return null;
    }

    private static Expr? ParseParts(ExtractedAnswer answer, CheckBudget budget)
    {
        if (answer.Parts.Count == 1)
            return Parser.Parse(answer.Parts[0], budget);
        var items = new List<Expr>();
        foreach (var part in answer.Parts)
        {
            if (Parser.Parse(part, budget) is not { } e)
                return null;
            if (e is AnswerList l)
                items.AddRange(l.Items);
            else
                items.Add(e);
        }
        return new AnswerList([.. items]);
    }

    private static Comparison CompareAsText(string gold, string pred, string unparsed)
    {
        var g = WrittenForm.Text(gold);
        var p = WrittenForm.Text(pred);
        return g.Length > 0 && g == p
            ? Comparison.Yes("same text as written")
            : Comparison.No($"{unparsed} is not math we can read, and the texts differ");
    }
}
