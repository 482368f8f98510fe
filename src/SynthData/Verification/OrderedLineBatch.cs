namespace SynthData.Verification;

/// <summary>
/// The loop of the <c>verify</c> batch modes: read lines, check a chunk of them on all cores, write one result per input
/// line in input order, then tally each outcome in that order. The chunk bounds memory on any input size.
/// </summary>
public static class OrderedLineBatch
{
    private const int ChunkSize = 2048;

    /// <param name="check">Gets the 1-based line number and the line; returns the output line and what to tally.</param>
    public static async Task RunAsync<TOutcome>(TextReader input, TextWriter output, Func<int, string, (string Json, TOutcome Outcome)> check,
        Action<TOutcome> tally, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var chunk = new List<(int LineNumber, string Text)>(ChunkSize);
        var lineNumber = 0;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            chunk.Add((++lineNumber, line));
            if (chunk.Count == ChunkSize)
                await FlushAsync(chunk, output, check, tally, cancellationToken).ConfigureAwait(false);
        }

        await FlushAsync(chunk, output, check, tally, cancellationToken).ConfigureAwait(false);
    }

    private static async Task FlushAsync<TOutcome>(List<(int LineNumber, string Text)> chunk, TextWriter output,
        Func<int, string, (string Json, TOutcome Outcome)> check, Action<TOutcome> tally, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
            return;
        var results = new (string Json, TOutcome Outcome)[chunk.Count];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, chunk.Count, parallel, i => results[i] = check(chunk[i].LineNumber, chunk[i].Text));
        foreach (var (json, outcome) in results)
        {
            await output.WriteLineAsync(json.AsMemory(), cancellationToken).ConfigureAwait(false);
            tally(outcome);
        }

        chunk.Clear();
    }
}
