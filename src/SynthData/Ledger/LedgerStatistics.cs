using System.Text.Json.Serialization;
using SynthData.Ledger.Store;

namespace SynthData.Ledger;

/// <summary>Totals over the whole ledger, for <c>synthdata stats</c>.</summary>
public sealed record LedgerStatistics
{
    [JsonPropertyName("problems")] public long Problems { get; init; }
    [JsonPropertyName("attempts")] public long Attempts { get; init; }
    [JsonPropertyName("accepted")] public long Accepted { get; init; }
    [JsonPropertyName("rejected")] public long Rejected { get; init; }
    [JsonPropertyName("unverified")] public long Unverified { get; init; }
    [JsonPropertyName("requests")] public long Requests { get; init; }
    [JsonPropertyName("request_errors")] public long RequestErrors { get; init; }
    [JsonPropertyName("prompt_tokens")] public long PromptTokens { get; init; }
    [JsonPropertyName("completion_tokens")] public long CompletionTokens { get; init; }
    [JsonPropertyName("runs")] public long Runs { get; init; }
    [JsonPropertyName("by_source")] public required IReadOnlyList<SourceStatistics> BySource { get; init; }
    /// <summary>Verdicts by kind (correct, wrong_answer, truncated, timeout, ...).</summary>
    [JsonPropertyName("verdict_kinds")] public SortedDictionary<string, long> VerdictKinds { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Estimated dollars for the recorded tokens, at the configured prices (null when no price is configured).</summary>
    [JsonPropertyName("cost_usd")] public double? CostUsd { get; init; }
    /// <summary>Attempts per settings fingerprint (what <c>export --settings</c> chooses between).</summary>
    [JsonPropertyName("settings")] public SortedDictionary<string, long> Settings { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The same totals, with the cost of their tokens at the given prices per million (none: no cost).</summary>
    public LedgerStatistics WithPrices(double promptPerMillion, double completionPerMillion) => promptPerMillion + completionPerMillion <= 0 ? this
        : this with { CostUsd = Math.Round(((PromptTokens * promptPerMillion) + (CompletionTokens * completionPerMillion)) / 1e6, 6) };

    public static LedgerStatistics Read(RunLedger ledger)
    {
        using var c = ledger.Open();
        long Scalar(string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        }

        var bySource = new List<SourceStatistics>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = """
                SELECT p.source_kind, p.source_name, COUNT(DISTINCT p.id),
                       COUNT(a.problem_id),
                       COALESCE(SUM(CASE WHEN v.accepted = 1 THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN v.accepted = 0 AND v.kind <> 'error' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(a.prompt_tokens), 0), COALESCE(SUM(a.completion_tokens), 0)
                FROM problems p
                LEFT JOIN attempts a ON a.problem_id = p.id
                LEFT JOIN verdicts v ON v.problem_id = a.problem_id AND v.sample_index = a.sample_index AND v.fingerprint = a.fingerprint
                GROUP BY p.source_kind, p.source_name
                ORDER BY p.source_kind, p.source_name
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                bySource.Add(new SourceStatistics
                {
                    Kind = r.GetString(0),
                    Source = r.GetString(1),
                    Problems = r.Int64(2),
                    Samples = r.Int64(3),
                    Accepted = r.Int64(4),
                    Rejected = r.Int64(5),
                    PromptTokens = r.Int64(6),
                    CompletionTokens = r.Int64(7),
                });
            }
        }

        SortedDictionary<string, long> Groups(string sql)
        {
            var map = new SortedDictionary<string, long>(StringComparer.Ordinal);
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            while (r.Read())
                map[r.GetString(0)] = r.Int64(1);
            return map;
        }

        // Every problem has exactly one source, so the totals are the sums of the per-source rows.
        var attempts = bySource.Sum(b => b.Samples);
        var verified = Scalar("SELECT COUNT(*) FROM verdicts WHERE kind <> 'error'");
        return new LedgerStatistics
        {
            Problems = bySource.Sum(b => b.Problems),
            Attempts = attempts,
            Accepted = bySource.Sum(b => b.Accepted),
            Rejected = bySource.Sum(b => b.Rejected),
            Unverified = attempts - verified,
            Requests = Scalar("SELECT COALESCE(SUM(tries), 0) FROM attempts") + Scalar("SELECT COALESCE(SUM(tries), 0) FROM attempt_errors"),
            RequestErrors = Scalar("SELECT COUNT(*) FROM attempt_errors"),
            PromptTokens = bySource.Sum(b => b.PromptTokens),
            CompletionTokens = bySource.Sum(b => b.CompletionTokens),
            Runs = Scalar("SELECT COUNT(*) FROM runs"),
            BySource = bySource,
            VerdictKinds = Groups("SELECT kind, COUNT(*) FROM verdicts GROUP BY kind"),
            Settings = Groups("SELECT fingerprint, COUNT(*) FROM attempts GROUP BY fingerprint"),
        };
    }
}

public sealed record SourceStatistics
{
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("problems")] public long Problems { get; init; }
    [JsonPropertyName("samples")] public long Samples { get; init; }
    [JsonPropertyName("accepted")] public long Accepted { get; init; }
    [JsonPropertyName("rejected")] public long Rejected { get; init; }
    [JsonPropertyName("acceptance_rate")] public double AcceptanceRate => Samples == 0 ? 0 : Math.Round((double)Accepted / Samples, 4);
    [JsonPropertyName("prompt_tokens")] public long PromptTokens { get; init; }
    [JsonPropertyName("completion_tokens")] public long CompletionTokens { get; init; }
}
