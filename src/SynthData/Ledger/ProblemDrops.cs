using SynthData.Ledger.Store;
using SynthData.Filtering;

namespace SynthData.Ledger;

/// <summary>
/// The ledger's record of problems the problem filter dropped (duplicates, benchmark overlap). Each run replaces the
/// decision for the problems it saw, so exports and reports follow the latest configuration.
/// </summary>
public static class ProblemDrops
{
    public static void Record(this RunLedger ledger, IReadOnlyCollection<DroppedProblem> dropped, IEnumerable<string> keptIds, long runId)
    {
        using var c = ledger.Open();
        using var tx = c.BeginTransaction();
        using (var delete = c.CreateCommand())
        {
            delete.Transaction = tx;
            delete.CommandText = "DELETE FROM problem_drops WHERE problem_id = $id";
            var id = delete.Parameters.AddParameter("$id");
            foreach (var k in keptIds)
            {
                id.Value = k;
                delete.ExecuteNonQuery();
            }
        }

        using (var insert = c.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO problem_drops(problem_id, reason, matched, matched_text, score, problem_json, run_id)
                VALUES($id, $r, $m, $t, $s, $j, $run)
                ON CONFLICT(problem_id) DO UPDATE SET reason=excluded.reason, matched=excluded.matched,
                    matched_text=excluded.matched_text, score=excluded.score, problem_json=excluded.problem_json, run_id=excluded.run_id
                """;
            var id = insert.Parameters.AddParameter("$id");
            var reason = insert.Parameters.AddParameter("$r");
            var matched = insert.Parameters.AddParameter("$m");
            var text = insert.Parameters.AddParameter("$t");
            var score = insert.Parameters.AddParameter("$s");
            var json = insert.Parameters.AddParameter("$j");
            insert.Parameters.AddWithValue("$run", runId);
            foreach (var d in dropped)
            {
                id.Value = d.Problem.Id;
                reason.Value = d.Reason;
                matched.Value = d.Matched;
                text.Value = d.MatchedText;
                score.Value = d.Score;
                json.Value = Problems.ProblemJson.Serialize(d.Problem);
                insert.ExecuteNonQuery();
            }
        }

        tx.Commit();
    }

    /// <summary>Every dropped problem, ordered by id.</summary>
    public static List<DroppedProblem> ReadDroppedProblems(this RunLedger ledger)
    {
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT problem_json, reason, matched, matched_text, score FROM problem_drops ORDER BY problem_id";
        using var r = cmd.ExecuteReader();
        var list = new List<DroppedProblem>();
        while (r.Read())
            list.Add(new DroppedProblem(RunLedger.ParseProblem(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDouble(4)));
        return list;
    }
}
