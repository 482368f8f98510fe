using System.IO.Compression;
using System.Text;
using SynthData.Config;
using SynthData.Problems;
using SynthData.Problems.Datasets;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Problems.Datasets;

/// <summary>Compressed dataset files read like plain ones; a corrupt one is a located error, never a crash.</summary>
public sealed class GzipDatasetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WriteGzip(string name, byte[] content)
    {
        var path = _dir.File(name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        gzip.Write(content);
        return path;
    }

    private static List<SourceItem> Read(IProblemSource source) => source.Read(CancellationToken.None).ToList();

    [Fact]
    public void Gzip_jsonl_reads_the_same_problems_as_the_plain_file()
    {
        const string rows = "{\"question\": \"Q1?\", \"answer\": \"#### 12\"}\n{\"question\": \"Q2?\"}\n{\"question\": \"Q3?\", \"answer\": \"#### 3\"}\n";
        File.WriteAllText(_dir.File("g.jsonl"), rows);
        var gz = WriteGzip("g.jsonl.gz", Encoding.UTF8.GetBytes(rows));

        var plain = Read(new JsonlDatasetSource(_dir.File("g.jsonl"), "g", "gsm8k", null, new FieldMapOptions()));
        var packed = Read(new JsonlDatasetSource(gz, "g", "gsm8k", null, new FieldMapOptions()));

        Assert.Equal(plain.Select(i => (i.Problem?.Id, i.Problem?.Source.Row, i.Error?.Line, i.Error?.Field)),
            packed.Select(i => (i.Problem?.Id, i.Problem?.Source.Row, i.Error?.Line, i.Error?.Field)));
        Assert.Equal(2L, packed[1].Error!.Line);
    }

    [Fact]
    public void Gzip_csv_is_inferred_as_csv_and_read()
    {
        var gz = WriteGzip("w.csv.gz", Encoding.UTF8.GetBytes("prompt,answer\n\"What is 6*7?\",42\n"));
        Assert.Equal("csv", DatasetFormats.Infer(gz));
        var item = Assert.Single(Read(new CsvDatasetSource(gz, "w", null, new FieldMapOptions())));
        Assert.Equal("42", item.Problem!.Answer);
    }

    [Fact]
    public void Corrupt_gzip_is_one_located_error_for_jsonl_and_csv()
    {
        var good = new MemoryStream();
        using (var gzip = new GZipStream(good, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"question\": \"Q?\", \"answer\": \"#### 1\"}\n", 2000))));
        var bytes = good.ToArray();
        // Flip bytes in the middle of the deflate stream: the header is valid, the data is not.
        for (var i = bytes.Length / 2; i < bytes.Length / 2 + 16; i++)
            bytes[i] ^= 0x5A;
        File.WriteAllBytes(_dir.File("bad.jsonl.gz"), bytes);
        File.WriteAllBytes(_dir.File("bad.csv.gz"), bytes);

        var jsonl = Read(new JsonlDatasetSource(_dir.File("bad.jsonl.gz"), "bad", "gsm8k", null, new FieldMapOptions()));
        var last = jsonl[^1].Error!;
        Assert.Contains("cannot read the file", last.Message, StringComparison.Ordinal);
        Assert.True(last.Line >= 1);

        var csv = Assert.Single(Read(new CsvDatasetSource(_dir.File("bad.csv.gz"), "bad", null, new FieldMapOptions())));
        Assert.Contains("cannot read the file", csv.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repository_benchmark_copies_are_gzip_and_complete()
    {
        Assert.Equal(1319, DatasetFile.ReadLines(RepoPaths.Gsm8kTest).Count());
        Assert.Equal(5000, DatasetFile.ReadLines(RepoPaths.MathTest).Count());
        Assert.Equal(164, DatasetFile.ReadLines(RepoPaths.HumanEval).Count());
        Assert.Equal(974, DatasetFile.ReadLines(RepoPaths.Mbpp).Count());
    }
}
