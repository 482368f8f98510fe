using SynthData.Ledger.Store;

namespace SynthData.Ledger;

/// <summary>
/// A batch's budget use on a shared ledger, so <c>run.budget</c> caps hold across every worker of the batch: a request
/// is reserved by one conditional increment in the database (exact however many workers race for the last one), and
/// tokens are added as responses arrive.
/// </summary>
public sealed class SharedBudget(RunLedger ledger, long batch)
{
    /// <summary>Reserves one request unless <paramref name="max"/> are already reserved.</summary>
    public bool TryReserveRequest(long max)
    {
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO budget_use(batch, requests, prompt_tokens, completion_tokens) VALUES($b, 1, 0, 0)
            ON CONFLICT(batch) DO UPDATE SET requests = budget_use.requests + 1 WHERE budget_use.requests < $max
            RETURNING requests
            """;
        cmd.Parameters.AddWithValue("$b", batch);
        cmd.Parameters.AddWithValue("$max", max);
        return cmd.ExecuteScalar() is not null;
    }

    public void Charge(long promptTokens, long completionTokens)
    {
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO budget_use(batch, requests, prompt_tokens, completion_tokens) VALUES($b, 0, $pt, $ct)
            ON CONFLICT(batch) DO UPDATE SET prompt_tokens = budget_use.prompt_tokens + $pt, completion_tokens = budget_use.completion_tokens + $ct
            """;
        cmd.Parameters.AddWithValue("$b", batch);
        cmd.Parameters.AddWithValue("$pt", promptTokens);
        cmd.Parameters.AddWithValue("$ct", completionTokens);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Tokens the whole batch has used so far.</summary>
    public (long Prompt, long Completion) Tokens()
    {
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT prompt_tokens, completion_tokens FROM budget_use WHERE batch = $b";
        cmd.Parameters.AddWithValue("$b", batch);
        using var r = cmd.ExecuteReader();
        return r.Read() ? (r.Int64(0), r.Int64(1)) : (0, 0);
    }
}
