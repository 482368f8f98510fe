using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using SynthData.Config;

namespace SynthData.Problems.Datasets;

/// <summary>
/// A CSV dataset with a header row. Columns are named by the field map (defaults <c>prompt</c>, <c>answer</c>,
/// optional <c>domain</c>); only math rows can be expressed in CSV (code needs structured tests).
/// </summary>
public sealed class CsvDatasetSource(string path, string displayName, int? limit, FieldMapOptions fields) : IProblemSource
{
    public string Name => displayName;

    public IEnumerable<SourceItem> Read(CancellationToken cancellationToken)
    {
        StreamReader reader;
        try
        {
            reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [SourceItem.Bad(new InputError(displayName, 0, "", $"cannot open dataset: {e.Message}"))];
        }

        return ReadRows(reader, cancellationToken);
    }

    private IEnumerable<SourceItem> ReadRows(StreamReader reader, CancellationToken cancellationToken)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = null,
            TrimOptions = TrimOptions.None,
        };
        using var _ = reader;
        using var csv = new CsvReader(reader, config);
        var items = new List<SourceItem>();
        string? headerError = null;
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
                headerError = "empty file: expected a header row";
            else if (csv.HeaderRecord is not { } header || !header.Contains(fields.Prompt) || !header.Contains(fields.Answer))
                headerError = $"header must have columns '{fields.Prompt}' and '{fields.Answer}' (found: {string.Join(", ", csv.HeaderRecord ?? [])})";
        }
        catch (Exception e) when (e is DecoderFallbackException or CsvHelperException)
        {
            headerError = $"unreadable header: {e.Message}";
        }

        if (headerError is not null)
        {
            yield return SourceItem.Bad(new InputError(displayName, 1, "", headerError));
            yield break;
        }

        var taken = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (limit is { } max && taken >= max)
                yield break;
            SourceItem item;
            var stop = false;
            try
            {
                if (!csv.Read())
                    yield break;
                item = ParseRecord(csv);
            }
            catch (DecoderFallbackException)
            {
                // The decoder state is lost after invalid bytes; report once and stop reading this file.
                item = SourceItem.Bad(new InputError(displayName, csv.Parser.RawRow, "", "not valid UTF-8; the rest of the file is skipped"));
                stop = true;
            }
            catch (CsvHelperException e)
            {
                item = SourceItem.Bad(new InputError(displayName, csv.Parser.RawRow, "", e.Message.Split('\n')[0]));
            }

            taken++;
            yield return item;
            if (stop)
                yield break;
        }
    }

    private SourceItem ParseRecord(CsvReader csv)
    {
        var line = csv.Parser.RawRow;
        var prompt = csv.GetField(fields.Prompt);
        var answer = csv.GetField(fields.Answer);
        var domain = csv.HeaderRecord!.Contains(fields.Domain) ? csv.GetField(fields.Domain) : "math";
        if (string.IsNullOrWhiteSpace(prompt))
            return SourceItem.Bad(new InputError(displayName, line, fields.Prompt, "required column is empty"));
        if (string.IsNullOrWhiteSpace(answer))
            return SourceItem.Bad(new InputError(displayName, line, fields.Answer, "required column is empty"));
        if (!string.IsNullOrWhiteSpace(domain) && domain.Trim() != "math")
            return SourceItem.Bad(new InputError(displayName, line, fields.Domain, $"expected \"math\" (code problems need JSONL), got \"{domain}\""));
        return SourceItem.Ok(DatasetFormats.MathProblem(prompt.Trim(), answer.Trim(), null, ProblemOrigin.Dataset(displayName, line)));
    }
}
