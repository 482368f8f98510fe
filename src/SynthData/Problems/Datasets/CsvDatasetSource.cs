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
        HashSet<long> badLines;
        try
        {
            var lineErrors = LineErrors(path);
            // A file that cannot be read to its end (a corrupt .gz) is one located error, before any row is taken.
            if (lineErrors.FirstOrDefault(l => l.EndsFile) is { EndsFile: true } unreadable)
                return [SourceItem.Bad(new InputError(displayName, unreadable.Number, "", unreadable.Error!))];
            badLines = lineErrors.Select(l => l.Number).ToHashSet();
            // Decoding never throws: rows that touch a line with invalid bytes are reported from badLines instead, so
            // one bad byte costs its own row, not the rest of the file.
            reader = new StreamReader(DatasetFile.OpenRead(path), new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [SourceItem.Bad(new InputError(displayName, 0, "", $"cannot open dataset: {e.Message}"))];
        }

        return ReadRows(reader, badLines, cancellationToken);
    }

    private static List<JsonlLineReader.Line> LineErrors(string path)
    {
        using var stream = DatasetFile.OpenRead(path);
        return JsonlLineReader.Read(stream).Where(l => l.Error is not null).ToList();
    }

    /// <summary>Line breaks inside the record (quoted fields), not counting the one that ends it.</summary>
    private static int InnerLineBreaks(string rawRecord) =>
        rawRecord.Count(c => c == '\n') - (rawRecord.EndsWith('\n') ? 1 : 0);

    /// <summary>CsvHelper's RawRow is the record's last line; errors and provenance name its first.</summary>
    private static long FirstLine(CsvReader csv) => csv.Parser.RawRow - InnerLineBreaks(csv.Parser.RawRecord);

    private static bool Touches(HashSet<long> badLines, CsvReader csv)
    {
        if (badLines.Count == 0)
            return false;
        for (var line = FirstLine(csv); line <= csv.Parser.RawRow; line++)
        {
            if (badLines.Contains(line))
                return true;
        }

        return false;
    }

    private IEnumerable<SourceItem> ReadRows(StreamReader reader, HashSet<long> badLines, CancellationToken cancellationToken)
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
        catch (CsvHelperException e)
        {
            headerError = $"unreadable header: {e.Message}";
        }

        if (headerError is null && badLines.Contains(1))
            headerError = "header is not valid UTF-8";

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
            try
            {
                if (!csv.Read())
                    yield break;
                item = Touches(badLines, csv)
                    ? SourceItem.Bad(new InputError(displayName, FirstLine(csv), "", "not valid UTF-8"))
                    : ParseRecord(csv);
            }
            catch (CsvHelperException e)
            {
                item = SourceItem.Bad(new InputError(displayName, FirstLine(csv), "", e.Message.Split('\n')[0]));
            }

            taken++;
            yield return item;
        }
    }

    private SourceItem ParseRecord(CsvReader csv)
    {
        var line = FirstLine(csv);
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
