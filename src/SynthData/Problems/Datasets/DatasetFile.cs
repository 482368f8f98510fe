using System.IO.Compression;

namespace SynthData.Problems.Datasets;

/// <summary>
/// Opens dataset and benchmark files, decompressing <c>.gz</c> transparently, so the repository can ship its
/// benchmarks compressed and users can point sources at compressed exports without unpacking them.
/// </summary>
public static class DatasetFile
{
    public const string GzipExtension = ".gz";

    public static bool IsGzip(string path) => path.EndsWith(GzipExtension, StringComparison.OrdinalIgnoreCase);

    /// <summary>The path without a trailing <c>.gz</c>: what the content's own extension is (<c>x.csv.gz</c> is CSV).</summary>
    public static string ContentPath(string path) => IsGzip(path) ? path[..^GzipExtension.Length] : path;

    /// <summary>A read stream of the file's content (decompressed when the name ends in <c>.gz</c>).</summary>
    public static Stream OpenRead(string path)
    {
        var file = File.OpenRead(path);
        return IsGzip(path) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>The file's lines as UTF-8 text, for trusted inputs such as benchmarks and test fixtures.</summary>
    public static IEnumerable<string> ReadLines(string path)
    {
        using var reader = new StreamReader(OpenRead(path));
        while (reader.ReadLine() is { } line)
            yield return line;
    }
}
