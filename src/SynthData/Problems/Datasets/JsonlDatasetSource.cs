using System.Text.Json;
using System.Text.Json.Nodes;
using SynthData.Config;

namespace SynthData.Problems.Datasets;

/// <summary>A JSONL dataset file; each bad line is reported with its line number and skipped.</summary>
public sealed class JsonlDatasetSource(string path, string displayName, string format, int? limit, FieldMapOptions fields) : IProblemSource
{
    public string Name => displayName;

    public IEnumerable<SourceItem> Read(CancellationToken cancellationToken)
    {
        Stream stream;
        try
        {
            stream = DatasetFile.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [SourceItem.Bad(new InputError(displayName, 0, "", $"cannot open dataset: {e.Message}"))];
        }

        return ReadLines(stream, cancellationToken);
    }

    private IEnumerable<SourceItem> ReadLines(Stream stream, CancellationToken cancellationToken)
    {
        using var _ = stream;
        var taken = 0;
        foreach (var line in JsonlLineReader.Read(stream))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (limit is { } max && taken >= max)
                yield break;
            if (line.Error is not null)
            {
                yield return SourceItem.Bad(new InputError(displayName, line.Number, "", line.Error));
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Text))
                continue;
            taken++;
            yield return ParseRow(line.Text, line.Number);
        }
    }

    private SourceItem ParseRow(string text, long number)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return SourceItem.Bad(new InputError(displayName, number, "", $"invalid JSON: {e.Message}"));
        }

        if (node is not JsonObject row)
            return SourceItem.Bad(new InputError(displayName, number, "", "expected a JSON object per line"));
        try
        {
            return SourceItem.Ok(DatasetFormats.FromJsonRow(format, row, displayName, number, fields));
        }
        catch (ProblemFormatException e)
        {
            return SourceItem.Bad(new InputError(displayName, number, e.Field, e.Message));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException)
        {
            return SourceItem.Bad(new InputError(displayName, number, "", e.Message));
        }
    }
}
