using System.CommandLine;
using SynthData.Ledger;
using SynthData.Ledger.Store;

namespace SynthData.Cli.Commands;

/// <summary><c>synthdata ledger copy</c>: moves a ledger between a SQLite file and PostgreSQL (either way).</summary>
internal static class LedgerCommand
{
    public static Command Create(CliIO io)
    {
        var from = new Option<string>("--from") { Description = "Ledger to read: a SQLite file or a postgresql:// URI", Required = true, HelpName = "FILE_OR_URI" };
        var to = new Option<string>("--to") { Description = "Ledger to write (created when missing): a SQLite file or a postgresql:// URI", Required = true, HelpName = "FILE_OR_URI" };
        var copy = new Command("copy", "Copy a ledger between stores; resumable (run it again after an interruption); verified by row counts and checksums") { from, to };
        copy.SetAction(parse =>
        {
            var source = Store(parse.GetValue(from)!, "--from");
            if (source is SqliteLedgerStore { Path: var path } && !File.Exists(path))
                throw new UsageException($"--from: no ledger at {path}");
            var target = Store(parse.GetValue(to)!, "--to");
            if (source.Location == target.Location)
                throw new UsageException("--from and --to name the same ledger");
            using var reader = RunLedger.Open(source);
            using var writer = RunLedger.Open(target);
            var tables = LedgerCopy.Copy(reader, writer, line => io.Error.WriteLine(line));
            var bad = tables.Where(t => !t.Verified).ToList();
            foreach (var t in bad)
                io.Error.WriteLine($"error: {t.Table} differs after the copy: {t.SourceRows} rows (sha256 {t.SourceChecksum}) in {source.Location}, {t.TargetRows} rows (sha256 {t.TargetChecksum}) in {target.Location}; was {target.Location} written to by something else?");
            if (bad.Count > 0)
                return ExitCodes.Failed;
            io.Out.WriteLine($"copied {source.Location} to {target.Location}: {tables.Sum(t => t.SourceRows)} rows in {tables.Count} tables, verified");
            return ExitCodes.Ok;
        });
        return new Command("ledger", "Ledger maintenance") { copy };
    }

    private static LedgerStore Store(string value, string option)
    {
        try
        {
            return LedgerStore.For(value, Directory.GetCurrentDirectory());
        }
        catch (FormatException e)
        {
            throw new UsageException($"{option}: {e.Message}");
        }
    }
}
