using System.Data.Common;
using System.Globalization;
using SynthData.Ledger.Store;

namespace SynthData.Ledger;

/// <summary>A group of sample indexes [Start, End) of one problem under one settings fingerprint: what one request answers.</summary>
public readonly record struct WorkKey(string ProblemId, int Start, int End, string Fingerprint);

/// <summary>
/// Work claiming on a shared ledger. A worker claims a request's group of samples before sending it: the lease (owner =
/// the worker's run id, expiry on the database's clock) is committed by itself, so no transaction is ever open across a
/// model call. A heartbeat extends the worker's leases; a lease whose worker stopped beating expires and any worker
/// takes it over. Results are inserted only while their worker still owns the lease (<see cref="RunLedger.Record"/>),
/// so a worker that lost its lease discards its late answer. On a single-machine (SQLite) ledger every call is a no-op
/// and every claim succeeds: one process owns the file.
/// </summary>
public sealed class WorkLeases(RunLedger ledger, long owner, double leaseSeconds)
{
    private const string Now = "extract(epoch from clock_timestamp())";

    public bool Shared => ledger.Store.Shared;

    public long Owner => owner;

    public double LeaseSeconds => leaseSeconds;

    /// <summary>Claims <paramref name="key"/> unless another worker holds an unexpired lease on it.</summary>
    public bool TryClaim(WorkKey key)
    {
        if (!Shared)
            return true;
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            INSERT INTO leases(problem_id, sample_start, sample_end, fingerprint, owner, expires_at, takeovers)
            VALUES($p, $s, $e, $fp, $o, {Now} + $ttl, 0)
            ON CONFLICT(problem_id, sample_start, fingerprint) DO UPDATE
                SET owner = excluded.owner, expires_at = excluded.expires_at, sample_end = excluded.sample_end, takeovers = leases.takeovers + 1
                WHERE leases.expires_at < {Now}
            RETURNING owner
            """;
        Bind(cmd, key);
        cmd.Parameters.AddWithValue("$ttl", leaseSeconds);
        return cmd.ExecuteScalar() is not null;
    }

    /// <summary>The indexes of a claimed group still unanswered (another worker may have finished it meanwhile).</summary>
    public List<int> StillMissing(WorkKey key, IReadOnlyList<int> wanted)
    {
        if (!Shared)
            return [.. wanted];
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT sample_index FROM attempts WHERE problem_id = $p AND fingerprint = $fp AND sample_index >= $s AND sample_index < $e";
        Bind(cmd, key);
        using var r = cmd.ExecuteReader();
        var done = new HashSet<int>();
        while (r.Read())
            done.Add(r.Int32(0));
        return [.. wanted.Where(i => !done.Contains(i))];
    }

    /// <summary>Gives claimed groups back (answered, or given up on for this run).</summary>
    public void Release(IReadOnlyCollection<WorkKey> keys)
    {
        if (!Shared || keys.Count == 0)
            return;
        using var c = ledger.Open();
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "DELETE FROM leases WHERE problem_id = $p AND sample_start = $s AND fingerprint = $fp AND owner = $o";
        foreach (var key in keys)
        {
            cmd.Parameters.Clear();
            Bind(cmd, key);
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>Extends every lease this worker holds and marks it alive; throws when the ledger cannot be reached.</summary>
    public void Heartbeat()
    {
        if (!Shared)
            return;
        using var c = ledger.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"UPDATE leases SET expires_at = {Now} + $ttl WHERE owner = $o; UPDATE runs SET heartbeat_at = {Now} WHERE id = $o";
        cmd.Parameters.AddWithValue("$o", owner);
        cmd.Parameters.AddWithValue("$ttl", leaseSeconds);
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// Held while a run decides what its batch is (settings, new problems): one worker at a time, so a schedule tick
    /// registers its batch's new problems once however many workers start on it.
    /// </summary>
    public IDisposable LockRegistration()
    {
        if (!Shared)
            return new Nothing();
        var c = ledger.Open();
        var held = PostgresLedgerStore.AdvisoryLock(c, PostgresLedgerStore.RegistrationLockKey);
        return new Both(held, c);
    }

    /// <summary>
    /// The batch this run works on: the batch of a live worker (one that beat within a lease period) when there is one,
    /// so workers started together share one batch and its budget; otherwise a new batch, numbered by this run.
    /// Call under <see cref="LockRegistration"/>.
    /// </summary>
    public (long Batch, bool Joined) JoinOrStartBatch(string worker)
    {
        if (!Shared)
            return (owner, false);
        using var c = ledger.Open();
        long? open;
        using (var find = c.CreateCommand())
        {
            find.CommandText = $"SELECT batch FROM runs WHERE id <> $o AND status = 'running' AND batch IS NOT NULL AND heartbeat_at > {Now} - $ttl ORDER BY id LIMIT 1";
            find.Parameters.AddWithValue("$o", owner);
            find.Parameters.AddWithValue("$ttl", leaseSeconds);
            open = find.ExecuteScalar() is { } b and not DBNull ? Convert.ToInt64(b, CultureInfo.InvariantCulture) : null;
        }

        var batch = open ?? owner;
        // Expired leases are dead weight: their owner's late answers are refused without them, and groups answered by
        // a worker killed before it gave them back would otherwise keep theirs forever.
        using (var sweep = c.CreateCommand())
        {
            sweep.CommandText = $"DELETE FROM leases WHERE expires_at < {Now}";
            sweep.ExecuteNonQuery();
        }

        using var set = c.CreateCommand();
        set.CommandText = $"UPDATE runs SET batch = $b, worker = $w, heartbeat_at = {Now} WHERE id = $o";
        set.Parameters.AddWithValue("$b", batch);
        set.Parameters.AddWithValue("$w", worker);
        set.Parameters.AddWithValue("$o", owner);
        set.ExecuteNonQuery();
        return (batch, open is not null);
    }

    private void Bind(DbCommand cmd, WorkKey key)
    {
        cmd.Parameters.AddWithValue("$p", key.ProblemId);
        cmd.Parameters.AddWithValue("$s", key.Start);
        cmd.Parameters.AddWithValue("$e", key.End);
        cmd.Parameters.AddWithValue("$fp", key.Fingerprint);
        cmd.Parameters.AddWithValue("$o", owner);
    }

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }
}
