using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynthData.Verification.Math;

/// <summary>
/// Batch mode of <c>synthdata verify math</c>: reads JSONL <c>{"id","gold","pred"}</c> and writes one
/// <c>{"id","equivalent","extracted","reason"}</c> line per input line, in input order, checking on all cores.
/// A bad line (blank lines included) gets a result with an <c>error</c> field and the batch goes on, so output line N
/// always answers input line N.
/// </summary>
public static class MathBatch
{
    public static async Task<MathBatchSummary> RunAsync(TextReader input, TextWriter output, IMathAnswerChecker checker,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checker);
        var counts = new Counts();
        await OrderedLineBatch.RunAsync(input, output, (lineNumber, line) =>
        {
            var (json, outcome, ms) = CheckLine(lineNumber, line, checker);
            return (json, (outcome, ms));
        }, result => counts.Add(result.outcome, result.ms), cancellationToken).ConfigureAwait(false);
        return new MathBatchSummary(counts.Lines, counts.Equivalent, counts.NotEquivalent, counts.NoAnswer, counts.Errors,
            counts.Percentile(0.5), counts.Percentile(0.99));
    }

    private static (string Json, Outcome Outcome, double DurationMs) CheckLine(int lineNumber, string line, IMathAnswerChecker checker)
    {
        JsonNode? id = null;
        if (string.IsNullOrWhiteSpace(line))
            return (Error(null, lineNumber, "empty line"), Outcome.Error, -1);
        try
        {
            if (JsonNode.Parse(line) is not JsonObject obj)
                return (Error(null, lineNumber, "not a JSON object"), Outcome.Error, -1);
            id = obj["id"]?.DeepClone();
            if (Field(obj, "gold") is not { } gold)
                return (Error(id, lineNumber, "field \"gold\" is missing or not a string or number"), Outcome.Error, -1);
            if (Field(obj, "pred") is not { } pred)
                return (Error(id, lineNumber, "field \"pred\" is missing or not a string or number"), Outcome.Error, -1);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = checker.Check(gold, pred);
            var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var json = new JsonObject
            {
                ["id"] = id,
                ["equivalent"] = result.Equivalent,
                ["extracted"] = result.Extracted,
                ["reason"] = result.Reason,
                ["duration_ms"] = System.Math.Round(ms, 3),
            };
            var outcome = result.Outcome switch
            {
                MathCheckOutcome.Equivalent => Outcome.Equivalent,
                MathCheckOutcome.NoAnswer => Outcome.NoAnswer,
                _ => Outcome.NotEquivalent,
            };
            return (json.ToJsonString(Problems.ProblemJson.Compact), outcome, ms);
        }
        catch (JsonException ex)
        {
            return (Error(id, lineNumber, "invalid JSON: " + ex.Message), Outcome.Error, -1);
        }
        catch (InvalidOperationException ex)
        {
            // System.Text.Json's way of refusing a string it cannot decode (e.g. a lone surrogate escape).
            return (Error(id, lineNumber, "unreadable string: " + ex.Message), Outcome.Error, -1);
        }
    }

    /// <summary>A string field, or a number written as JSON number (GSM8K-style answers often are).</summary>
    private static string? Field(JsonObject obj, string name) => obj[name] switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue number when number.GetValueKind() == JsonValueKind.Number => number.ToJsonString(),
        _ => null,
    };

    private static string Error(JsonNode? id, int lineNumber, string message) => new JsonObject
    {
        ["id"] = id,
        ["equivalent"] = false,
        ["extracted"] = null,
        ["reason"] = "input error",
        ["error"] = $"line {lineNumber}: {message}",
    }.ToJsonString(Problems.ProblemJson.Compact);

    private enum Outcome { Equivalent, NotEquivalent, NoAnswer, Error }

    private sealed class Counts
    {
        public int Lines { get; private set; }
        public int Equivalent { get; private set; }
        public int NotEquivalent { get; private set; }
        public int NoAnswer { get; private set; }
        public int Errors { get; private set; }

        private readonly List<double> _durations = [];

        /// <summary>Check time at quantile <paramref name="q"/> over the lines that were checked (0 when none were).</summary>
        public double Percentile(double q)
        {
            if (_durations.Count == 0)
                return 0;
            _durations.Sort();
            return _durations[System.Math.Clamp((int)System.Math.Ceiling(q * _durations.Count) - 1, 0, _durations.Count - 1)];
        }

        public void Add(Outcome outcome, double durationMs)
        {
            Lines++;
            if (durationMs >= 0)
                _durations.Add(durationMs);
            switch (outcome)
            {
                case Outcome.Equivalent: Equivalent++; break;
                case Outcome.NotEquivalent: NotEquivalent++; break;
                case Outcome.NoAnswer: NoAnswer++; break;
                default: Errors++; break;
            }
        }
    }
}
