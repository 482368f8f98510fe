using System.Text.Json.Nodes;
using SynthData.Problems;

namespace SynthData.Export;

/// <summary>One JSON object per line, compact, non-ASCII kept, <c>\n</c> endings: the byte form every JSONL export shares.</summary>
public static class JsonlRows
{
    public static async Task WriteAsync(TextWriter writer, JsonNode row, bool lineEnd = true)
    {
        await writer.WriteAsync(row.ToJsonString(ProblemJson.Compact)).ConfigureAwait(false);
        if (lineEnd)
            await writer.WriteAsync('\n').ConfigureAwait(false);
    }
}
