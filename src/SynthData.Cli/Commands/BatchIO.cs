using System.Globalization;
using System.Text;
using SynthData.Export;

namespace SynthData.Cli.Commands;

/// <summary>What a batch verify command found, per input line: for the stderr tally and the exit code.</summary>
internal sealed record BatchTally(int Lines, int InputErrors, int VerifierErrors);

/// <summary>
/// Opens the input/output of a batch verify command (files, or stdin/stdout), then reports the tally on stderr and
/// picks the exit code: 2 when any line was malformed (its result carries <c>error</c>), else 1 when the verifier
/// itself failed on a line, else 0 — negative verdicts are results, not failures.
/// </summary>
internal static class BatchIO
{
    public static async Task<int> RunAsync(string command, string input, string? output, CliIO io, Func<TextReader, TextWriter, Task<BatchTally>> run)
    {
        TextReader reader;
        if (input == "-")
        {
            reader = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        }
        else
        {
            if (!File.Exists(input))
                throw new UsageException($"input file not found: {input}");
            reader = new StreamReader(input, new UTF8Encoding(false));
        }

        BatchTally tally = new(0, 0, 0);
        using (reader)
        {
            if (output is null || output == "-")
            {
                tally = await run(reader, io.Out).ConfigureAwait(false);
                await io.Out.FlushAsync().ConfigureAwait(false);
            }
            else
            {
                await AtomicFile.WriteAsync(output, async w => tally = await run(reader, w).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }

        var source = input == "-" ? "stdin" : input;
        await io.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{command}: {tally.Lines} lines from {source}, {tally.InputErrors} with input errors, {tally.VerifierErrors} verifier errors")).ConfigureAwait(false);
        if (tally.InputErrors > 0)
        {
            await io.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{command}: {tally.InputErrors} malformed lines in {source}: their results carry \"error\" naming the line and field; fix them and rerun (exit code 2)")).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        return tally.VerifierErrors > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
