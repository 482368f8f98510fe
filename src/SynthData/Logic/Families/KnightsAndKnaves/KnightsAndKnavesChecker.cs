using System.Text;
using System.Text.Json.Nodes;
using SynthData.Logic.Deduction;

namespace SynthData.Logic.Families.KnightsAndKnaves;

/// <summary>
/// Checks a knights-and-knaves answer by the rules: every islander is named knight or knave, and the assignment makes
/// each statement true exactly when its speaker is a knight. Partial credit is the fraction of islanders matching the
/// solution, which the generator proved unique.
/// </summary>
internal static class KnightsAndKnavesChecker
{
    private const int MaxLines = 1_000;

    public static string Prompt(IReadOnlyList<string> names, IReadOnlyList<(int Speaker, Claim Claim)> statements)
    {
        var said = new StringBuilder();
        foreach (var (speaker, claim) in statements)
            said.Append($"- {names[speaker]} says: \"{Capitalise(claim.Render(names))}.\"\n");
        return $"""
            On an island every inhabitant is either a knight, who always tells the truth, or a knave, who always lies.
            You meet {names.Count} inhabitants: {string.Join(", ", names)}.

            {said.ToString().TrimEnd()}

            Exactly one assignment of knights and knaves is consistent with these statements. Who is a knight and who is a knave?

            Answer format: one line per inhabitant as `Name: knight` or `Name: knave`, inside a final fenced code block (```), for example
            ```
            {names[0]}: knight
            ```
            """;
    }

    public static LogicCheck Check(JsonObject instance, string response)
    {
        var names = InstanceFields.Strings(instance, "names");
        if (names.Length is < 1 or > 20)
            throw new LogicInstanceException("names", "1 to 20 names");
        var solution = InstanceFields.Ints(instance, "knights", 0, 1);
        if (solution.Length != names.Length)
            throw new LogicInstanceException("knights", $"{names.Length} entries of 0 or 1");
        if (instance["statements"] is not JsonArray rawStatements)
            throw new LogicInstanceException("statements", "an array of [speaker, claim]");
        var statements = rawStatements.Select((s, i) => s is JsonArray pair && pair.Count == 2 && pair[0] is JsonValue v && v.TryGetValue<int>(out var speaker) && speaker >= 0 && speaker < names.Length
            ? (speaker, Claim.FromJson(pair[1], names.Length, $"statements[{i}]"))
            : throw new LogicInstanceException($"statements[{i}]", "[speaker index, claim]")).ToList();

        var answer = LogicAnswer.Extract(response);
        if (answer is null)
            return LogicCheck.Fail("no answer block");
        var given = new int?[names.Length];
        foreach (var line in LogicAnswer.Lines(answer).Take(MaxLines))
        {
            var words = line.ToLowerInvariant().Split([' ', '\t', ':', ',', ';', '|', '=', '-', '*', '.'], StringSplitOptions.RemoveEmptyEntries);
            var who = Array.FindIndex(names, n => words.Contains(n.ToLowerInvariant()));
            var kinds = words.Where(w => w is "knight" or "knave").Distinct().ToList();
            if (who < 0 || kinds.Count != 1)
                continue;
            var knight = kinds[0] == "knight" ? 1 : 0;
            if (given[who] is { } before && before != knight)
                return LogicCheck.Fail($"{names[who]} is called both a knight and a knave", Credit(given, solution));
            given[who] = knight;
        }
        var credit = Credit(given, solution);
        var missing = Array.FindIndex(given, g => g is null);
        if (missing >= 0)
            return LogicCheck.Fail($"{names[missing]} is not named knight or knave", credit);
        var knights = 0;
        for (var i = 0; i < names.Length; i++)
            knights |= given[i]!.Value << i;
        foreach (var (speaker, claim) in statements)
            if (claim.Holds(knights) != (((knights >> speaker) & 1) == 1))
                return LogicCheck.Fail(
                    $"{names[speaker]} would be a {(((knights >> speaker) & 1) == 1 ? "knight telling a lie" : "knave telling the truth")}: \"{claim.Render(names)}\"",
                    credit);
        return LogicCheck.Pass("every statement is true exactly when its speaker is a knight");
    }

    private static double Credit(int?[] given, int[] solution) =>
        (double)solution.Where((s, i) => given[i] == s).Count() / solution.Length;

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
