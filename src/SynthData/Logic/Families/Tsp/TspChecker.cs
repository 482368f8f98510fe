using System.Text.Json.Nodes;
using SynthData.Logic.Search;

namespace SynthData.Logic.Families.Tsp;

/// <summary>
/// Checks a tour: every city exactly once (a trailing return to the first city is allowed; any starting city and
/// either direction). Accepted when its length equals the optimum; a valid longer tour scores optimal/length
/// ("valid but not shortest"); anything that is not a tour scores 0.
/// </summary>
public static class TspChecker
{
    public static LogicCheck Check(JsonObject instance, string response)
    {
        var d = Distances(instance);
        var n = d.GetLength(0);
        var optimal = InstanceFields.Int(instance, "optimal", 1, int.MaxValue);
        var answer = LogicAnswer.Extract(response);
        if (answer is null)
            return LogicCheck.Fail("no answer block (expected the city numbers of a tour in a final fenced code block)");
        var tour = new List<int>();
        foreach (var raw in answer.Split([' ', '\t', '\n', '\r', ',', ';', '|', '-', '>', '[', ']', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(raw.Trim('.'), out var city) || city < 1 || city > n)
                return LogicCheck.Fail($"'{MoveLetters.Clip(raw)}' is not a city number from 1 to {n}");
            if (tour.Count > n)
                return LogicCheck.Fail($"the tour lists more than {n + 1} cities");
            tour.Add(city - 1);
        }
        if (tour.Count == n + 1 && tour[0] == tour[^1])
            tour.RemoveAt(n);
        if (tour.Count != n || tour.Distinct().Count() != n)
        {
            var missing = Enumerable.Range(1, n).Where(c => !tour.Contains(c - 1)).ToList();
            return LogicCheck.Fail(missing.Count > 0
                ? $"not a tour: city {string.Join(", ", missing)} not visited"
                : $"not a tour: {tour.Count} cities listed, each of the {n} must appear exactly once");
        }
        var length = TspSolver.Length(d, tour);
        if (length > optimal)
            return LogicCheck.Fail($"valid but not shortest: tour length {length}, the shortest is {optimal}", (double)optimal / length);
        return LogicCheck.Pass($"a shortest tour (length {length})");
    }

    public static int[,] Distances(JsonObject instance)
    {
        if (instance["distances"] is not JsonArray rows || rows.Count is < 3 or > 12)
            throw new LogicInstanceException("distances", "a square matrix (array of 3-12 integer rows)");
        var n = rows.Count;
        var d = new int[n, n];
        for (var i = 0; i < n; i++)
        {
            if (rows[i] is not JsonArray row || row.Count != n)
                throw new LogicInstanceException($"distances[{i}]", $"{n} integers");
            for (var j = 0; j < n; j++)
                if (row[j] is not JsonValue v || !v.TryGetValue(out d[i, j]) || d[i, j] < 0 || d[i, j] > 1_000_000)
                    throw new LogicInstanceException($"distances[{i}][{j}]", "an integer in [0, 1000000]");
        }
        return d;
    }
}
