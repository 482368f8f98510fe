using System.Text;
using SynthData.Export;

namespace SynthData.Cli.Commands;

/// <summary>Opens the input/output of a batch verify command: files, or stdin/stdout.</summary>
internal static class BatchIO
{
    public static async Task<int> RunAsync(string input, string? output, CliIO io, Func<TextReader, TextWriter, Task> run)
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

        using (reader)
        {
            if (output is null || output == "-")
            {
                await run(reader, io.Out).ConfigureAwait(false);
                await io.Out.FlushAsync().ConfigureAwait(false);
            }
            else
            {
                await AtomicFile.WriteAsync(output, w => run(reader, w)).ConfigureAwait(false);
            }
        }

        return ExitCodes.Ok;
    }
}
