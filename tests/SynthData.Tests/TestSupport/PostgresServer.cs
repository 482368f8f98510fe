using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SynthData.Tests.TestSupport;

/// <summary>
/// The PostgreSQL server the tests use: the one <c>SYNTHDATA_TEST_POSTGRES</c> names (CI starts a private cluster and
/// exports it), or else a private cluster this process starts in a temporary folder on a loopback port and stops at
/// exit. Never the machine's own cluster. Without PostgreSQL the tests fail saying how to get it; they never skip.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "SYNTHDATA_TEST_POSTGRES";

    private static readonly Lazy<string> Admin = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A fresh, empty database of its own (dropped on dispose), as a URI for <c>run.ledger</c>.</summary>
    public static PostgresDatabase CreateDatabase()
    {
        var name = "synthdata_test_" + Guid.NewGuid().ToString("N")[..16];
        Execute(Admin.Value, $"CREATE DATABASE {name}");
        var b = new UriBuilder(Admin.Value) { Path = "/" + name };
        return new PostgresDatabase(b.Uri.ToString().TrimEnd('/'), name);
    }

    internal static void Execute(string uri, string sql)
    {
        using var c = new NpgsqlConnection(SynthData.Ledger.Store.PostgresLedgerStore.ToConnectionString(uri));
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } uri)
            return uri;
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            $"PostgreSQL is needed for the shared-ledger tests and was not found (no initdb in /usr/lib/postgresql/*/bin or on PATH). " +
            $"Install it (Debian: apt-get install postgresql) or set {Variable}=postgresql://USER@127.0.0.1:PORT/postgres to a server the tests may create databases on.");
        var root = Path.Combine(Path.GetTempPath(), "synthdata-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        // initdb refuses to run as root: run the server as the postgres user, which must own the folder.
        var asUser = Environment.UserName == "root" ? "postgres" : null;
        if (asUser is not null)
            Run("chown", null, asUser, root);
        var data = Path.Combine(root, "data");
        Run(Path.Combine(bin, "initdb"), asUser, "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
        var port = FreePort();
        Run(Path.Combine(bin, "pg_ctl"), asUser, "-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(Path.Combine(bin, "pg_ctl"), asUser, "-D", data, "-m", "immediate", "-w", "stop");
                Directory.Delete(root, recursive: true);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // Leaving a temporary folder behind is all that can go wrong at exit.
            }
        };
        return $"postgresql://postgres@127.0.0.1:{port}/postgres";
    }

    private static string? FindBinaries()
    {
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var best = Directory.GetDirectories(debian)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "bin", "initdb")))
                .OrderByDescending(d => d.Version).FirstOrDefault();
            if (best.Dir is not null)
                return Path.Combine(best.Dir, "bin");
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")));
    }

    private static void Run(string file, string? asUser, params string[] args)
    {
        var psi = new ProcessStartInfo(asUser is null ? file : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is not null)
        {
            foreach (var a in new[] { "-u", asUser, "--", file })
                psi.ArgumentList.Add(a);
        }

        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)) || p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {output.Result}{error.Result}");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

/// <summary>One test's database; dropped (with any connections still on it) when the test ends.</summary>
public sealed class PostgresDatabase(string uri, string name) : IDisposable
{
    public string Uri { get; } = uri;

    public void Dispose()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        try
        {
            PostgresServer.Execute(new UriBuilder(Uri) { Path = "/postgres" }.Uri.ToString(), $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // The server may already be stopping at the end of the test run.
        }
    }
}

/// <summary>The two ledger stores, for tests that must behave the same on both.</summary>
public sealed class TestLedgerStore : IDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly PostgresDatabase? _database;

    public TestLedgerStore(string kind, string directory)
    {
        Directory = directory;
        if (kind == Postgres)
            _database = PostgresServer.CreateDatabase();
        else if (kind != Sqlite)
            throw new ArgumentException($"unknown store {kind}", nameof(kind));
    }

    public string Directory { get; }

    /// <summary>The <c>run.ledger</c> value.</summary>
    public string Setting => _database?.Uri ?? "sqlite";

    public SynthData.Ledger.RunLedger Open() =>
        SynthData.Ledger.RunLedger.Open(SynthData.Ledger.Store.LedgerStore.For(Setting, Directory));

    public void Dispose() => _database?.Dispose();
}
