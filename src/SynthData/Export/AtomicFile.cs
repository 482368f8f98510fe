using System.Text;

namespace SynthData.Export;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new content, never a partial file:
/// write a temp file in the same directory, flush it to disk, then rename over the target.
/// </summary>
public static class AtomicFile
{
    public static Task WriteAsync(string path, Func<TextWriter, Task> write, CancellationToken cancellationToken = default) =>
        WriteStreamAsync(path, async stream =>
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
            await write(writer).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public static async Task WriteStreamAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await write(stream).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }
}
