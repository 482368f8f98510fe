using System.Text;

namespace SynthData.Problems.Datasets;

/// <summary>
/// Reads a text file line by line from raw bytes so that one bad line (invalid UTF-8, absurd length) becomes an
/// error for that line instead of ending the whole file.
/// </summary>
internal static class JsonlLineReader
{
    public const int DefaultMaxLineBytes = 16 * 1024 * 1024;

    /// <summary>One line, or its error; <paramref name="EndsFile"/> marks a read failure (e.g. a corrupt .gz) after which
    /// nothing more can be read.</summary>
    public readonly record struct Line(long Number, string? Text, string? Error, bool EndsFile = false);

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEnumerable<Line> Read(Stream stream, int maxLineBytes = DefaultMaxLineBytes)
    {
        var buffer = new byte[64 * 1024];
        var line = new MemoryStream();
        long number = 1;
        var tooLong = false;
        int read;
        string? failure;
        while ((read = ReadChunk(stream, buffer, out failure)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                    continue;
                Append(line, buffer, start, i - start, maxLineBytes, ref tooLong);
                yield return Finish(line, number++, ref tooLong, maxLineBytes);
                start = i + 1;
            }

            Append(line, buffer, start, read - start, maxLineBytes, ref tooLong);
        }

        if (failure is not null)
        {
            yield return new Line(number, null, $"cannot read the file from this line on: {failure}", EndsFile: true);
            yield break;
        }

        if (line.Length > 0 || tooLong)
            yield return Finish(line, number, ref tooLong, maxLineBytes);
    }

    /// <summary>A compressed file can be cut off or corrupt: that is bad input located at a line, not a crash.</summary>
    private static int ReadChunk(Stream stream, byte[] buffer, out string? failure)
    {
        failure = null;
        try
        {
            return stream.Read(buffer, 0, buffer.Length);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            failure = e.Message;
            return 0;
        }
    }

    private static void Append(MemoryStream line, byte[] buffer, int offset, int count, int max, ref bool tooLong)
    {
        if (tooLong || count == 0)
            return;
        if (line.Length + count > max)
        {
            tooLong = true;
            line.SetLength(0);
            return;
        }

        line.Write(buffer, offset, count);
    }

    private static Line Finish(MemoryStream line, long number, ref bool tooLong, int max)
    {
        try
        {
            if (tooLong)
                return new Line(number, null, $"line is longer than {max} bytes");
            var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
            if (number == 1 && bytes.StartsWith("\uFEFF"u8))
                bytes = bytes[3..];
            if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
                bytes = bytes[..^1];
            try
            {
                return new Line(number, Strict.GetString(bytes), null);
            }
            catch (DecoderFallbackException e)
            {
                return new Line(number, null, $"not valid UTF-8 (byte offset {e.Index})");
            }
        }
        finally
        {
            tooLong = false;
            line.SetLength(0);
        }
    }
}
