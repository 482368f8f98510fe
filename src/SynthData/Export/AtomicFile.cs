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
            await using var writer = NewWriter(stream);
            await write(writer).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public static async Task WriteStreamAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken = default)
    {
        await using var file = Begin(path);
        await write(file.Stream).ConfigureAwait(false);
        await file.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A file being written; several can be open at once (one export pass writes many). Disposing without
    /// <see cref="PendingFile.CommitAsync"/> leaves the target untouched.</summary>
    public static PendingFile Begin(string path) => new(path);

    /// <summary>UTF-8 without BOM, <c>\n</c> line ends: the text form of every export.</summary>
    public static StreamWriter NewWriter(Stream stream) => new(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };

    public sealed class PendingFile : IAsyncDisposable
    {
        private readonly string _target;
        private readonly string _temp;
        private readonly FileStream _stream;

        internal PendingFile(string path)
        {
            _target = System.IO.Path.GetFullPath(path);
            var dir = System.IO.Path.GetDirectoryName(_target)!;
            Directory.CreateDirectory(dir);
            _temp = System.IO.Path.Combine(dir, $".{System.IO.Path.GetFileName(_target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            // Read access too: Parquet appends row groups by reading back the footer it wrote.
            _stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        }

        public string Path => _target;

        public Stream Stream => _stream;

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            _stream.Flush(flushToDisk: true);
            await _stream.DisposeAsync().ConfigureAwait(false);
            File.Move(_temp, _target, overwrite: true);
        }

        public async ValueTask DisposeAsync()
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
            if (File.Exists(_temp))
                File.Delete(_temp);
        }
    }
}
