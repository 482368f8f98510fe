using System.Text;
using SynthData.Config;
using SynthData.Problems;
using SynthData.Problems.Datasets;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Problems.Datasets;

public sealed class DatasetSourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<SourceItem> Read(IProblemSource source) => source.Read(CancellationToken.None).ToList();

    private JsonlDatasetSource Jsonl(string name, string format = "jsonl", int? limit = null) =>
        new(_dir.File(name), name, format, limit, new FieldMapOptions());

    [Fact]
    public void Gsm8k_rows_take_the_number_after_hashes_as_answer()
    {
        _dir.Write("g.jsonl", """
            {"question": "Q1?", "answer": "2 + 2 = <<2+2=4>>4\n#### 1,234"}
            {"question": "Q2?", "answer": "#### -7"}
            """);
        var items = Read(Jsonl("g.jsonl", "gsm8k"));
        Assert.All(items, i => Assert.Null(i.Error));
        Assert.Equal("1234", items[0].Problem!.Answer);
        Assert.Equal("-7", items[1].Problem!.Answer);
        Assert.Equal(ProblemDomain.Math, items[0].Problem!.Domain);
        Assert.Equal(1, items[0].Problem!.Source.Row);
        Assert.Equal(2, items[1].Problem!.Source.Row);
        Assert.Contains("<<2+2=4>>", items[0].Problem!.Solution, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_rows_are_reported_with_line_and_field_and_the_rest_is_read()
    {
        _dir.Write("g.jsonl", string.Join('\n',
            """{"question": "ok?", "answer": "#### 3"}""",
            """{"question": "no final", "answer": "just words"}""",
            """not json at all""",
            "",
            """{"answer": "#### 3"}""",
            """[1, 2]""",
            """{"question": "ok again?", "answer": "#### 4"}"""));
        var items = Read(Jsonl("g.jsonl", "gsm8k"));
        var errors = items.Where(i => i.Error is not null).Select(i => i.Error!).ToList();
        Assert.Equal(2, items.Count(i => i.Problem is not null));
        Assert.Collection(errors,
            e => { Assert.Equal(2, e.Line); Assert.Equal("answer", e.Field); Assert.Contains("####", e.Message, StringComparison.Ordinal); },
            e => { Assert.Equal(3, e.Line); Assert.Contains("invalid JSON", e.Message, StringComparison.Ordinal); },
            e => { Assert.Equal(5, e.Line); Assert.Equal("question", e.Field); },
            e => { Assert.Equal(6, e.Line); Assert.Contains("JSON object", e.Message, StringComparison.Ordinal); });
        Assert.StartsWith("g.jsonl:2: answer:", errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_and_overlong_lines_are_errors_not_crashes()
    {
        var good = Encoding.UTF8.GetBytes("{\"question\": \"ok?\", \"answer\": \"#### 3\"}\n");
        var bad = new byte[] { (byte)'{', 0xFF, 0xFE, (byte)'}', (byte)'\n' };
        var huge = Encoding.UTF8.GetBytes("{\"question\": \"" + new string('x', 200) + "\"}\n");
        var bytes = good.Concat(bad).Concat(huge).Concat(good).ToArray();
        using var stream = new MemoryStream(bytes);
        var lines = JsonlLineReader.Read(stream, maxLineBytes: 100).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Null(lines[0].Error);
        Assert.Contains("UTF-8", lines[1].Error, StringComparison.Ordinal);
        Assert.Contains("longer than 100", lines[2].Error, StringComparison.Ordinal);
        Assert.Null(lines[3].Error);
        Assert.Equal(4, lines[3].Number);
    }

    [Fact]
    public void Math_rows_use_answer_or_last_boxed()
    {
        _dir.Write("m.jsonl", """
            {"problem": "P1", "solution": "so \\boxed{\\frac{1}{2}}", "answer": "\\frac{1}{2}"}
            {"problem": "P2", "solution": "first \\boxed{1} then \\boxed{x^{2}}"}
            {"problem": "P3", "solution": "no box"}
            """);
        var items = Read(Jsonl("m.jsonl", "math"));
        Assert.Equal("\\frac{1}{2}", items[0].Problem!.Answer);
        Assert.Equal("x^{2}", items[1].Problem!.Answer);
        Assert.Equal("answer", items[2].Error!.Field);
    }

    [Fact]
    public void Native_rows_round_trip_and_ids_are_recomputed()
    {
        var p = new Problem
        {
            Id = "stale",
            Domain = ProblemDomain.Math,
            Prompt = "What is 2+2?",
            Answer = "4",
            Source = ProblemOrigin.Generator("arithmetic", 3, 1),
        };
        _dir.Write("n.jsonl", ProblemJson.Serialize(p) + "\n");
        var read = Assert.Single(Read(Jsonl("n.jsonl"))).Problem!;
        Assert.Equal(ProblemId.For(ProblemDomain.Math, "What is 2+2?", "4", null, null, null), read.Id);
        Assert.Equal("generator", read.Source.Kind);
        Assert.Equal(3, read.Source.Seed);
    }

    [Fact]
    public void Whitespace_differences_do_not_change_the_id()
    {
        Assert.Equal(
            ProblemId.For(ProblemDomain.Math, "What  is\n2+2?", "4", null, null, null),
            ProblemId.For(ProblemDomain.Math, " What is 2+2? ", "4", null, null, null));
        Assert.NotEqual(
            ProblemId.For(ProblemDomain.Math, "What is 2+2?", "4", null, null, null),
            ProblemId.For(ProblemDomain.Math, "What is 2+2?", "5", null, null, null));
    }

    [Fact]
    public void Limit_counts_rows_read()
    {
        _dir.Write("g.jsonl", string.Join('\n', Enumerable.Range(1, 10).Select(i => $$"""{"question": "Q{{i}}?", "answer": "#### {{i}}"}""")));
        Assert.Equal(3, Read(Jsonl("g.jsonl", "gsm8k", limit: 3)).Count);
    }

    [Fact]
    public void Shared_humaneval_and_mbpp_files_import_completely()
    {
        var he = Read(new JsonlDatasetSource(RepoPaths.HumanEval, "he", "humaneval", null, new FieldMapOptions()));
        Assert.Equal(164, he.Count(i => i.Problem is not null));
        var first = he[0].Problem!;
        Assert.Equal(ProblemDomain.Code, first.Domain);
        Assert.Equal("has_close_elements", first.EntryPoint);
        Assert.Contains("def check(candidate)", first.Tests, StringComparison.Ordinal);
        Assert.StartsWith("from typing import List", first.Solution, StringComparison.Ordinal);

        var mbpp = Read(new JsonlDatasetSource(RepoPaths.Mbpp, "mbpp", "mbpp", null, new FieldMapOptions()));
        Assert.All(mbpp, i => Assert.Null(i.Error));
        Assert.True(mbpp.Count > 900);
        Assert.Contains("assert ", mbpp[0].Problem!.Tests, StringComparison.Ordinal);
        Assert.Contains("Your code should pass this test", mbpp[0].Problem!.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Repository_gsm8k_test_copy_imports_from_gzip_without_errors()
    {
        var items = Read(new JsonlDatasetSource(RepoPaths.Gsm8kTest, "gsm8k", "gsm8k", null, new FieldMapOptions()));
        Assert.Equal(1319, items.Count);
        Assert.All(items, i => Assert.Null(i.Error));
        Assert.All(items, i => Assert.Matches(@"^-?\d+(\.\d+)?$", i.Problem!.Answer!));
    }

    [Fact]
    public void Csv_rows_map_columns_and_report_bad_rows_by_line()
    {
        _dir.Write("w.csv", "prompt,answer,domain\n\"What is 6*7?\",42,math\n,5,math\n\"Sum, with comma?\",\"3\",\nQ?,,math\ncode q,1,code\n");
        var items = Read(new CsvDatasetSource(_dir.File("w.csv"), "w.csv", null, new FieldMapOptions()));
        Assert.Equal("42", items[0].Problem!.Answer);
        Assert.Equal(2, items[0].Problem!.Source.Row);
        Assert.Equal(("prompt", 3L), (items[1].Error!.Field, items[1].Error!.Line));
        Assert.Equal("Sum, with comma?", items[2].Problem!.Prompt);
        Assert.Equal(("answer", 5L), (items[3].Error!.Field, items[3].Error!.Line));
        Assert.Equal("domain", items[4].Error!.Field);
    }

    [Fact]
    public void Csv_row_with_invalid_bytes_is_reported_alone()
    {
        var bytes = Encoding.UTF8.GetBytes("prompt,answer\n\"Q1?\",1\n\"Caf\u00e9?\",2\n\"Q3\nspanning lines?\",3\n\"Q4?\",4\n").ToList();
        var e9 = bytes.IndexOf(0xC3); // turn the UTF-8 "é" of line 3 into a lone Latin-1 byte
        bytes.RemoveAt(e9);
        bytes[e9] = 0xE9;
        File.WriteAllBytes(_dir.File("l.csv"), bytes.ToArray());
        var items = Read(new CsvDatasetSource(_dir.File("l.csv"), "l.csv", null, new FieldMapOptions()));
        Assert.Equal(4, items.Count);
        Assert.Equal("1", items[0].Problem!.Answer);
        Assert.Equal((3L, "not valid UTF-8"), (items[1].Error!.Line, items[1].Error!.Message));
        Assert.Equal("Q3\nspanning lines?", items[2].Problem!.Prompt);
        Assert.Equal(4, items[2].Problem!.Source.Row);
        Assert.Equal("4", items[3].Problem!.Answer);
        Assert.Equal(6, items[3].Problem!.Source.Row);
    }

    [Fact]
    public void Csv_without_required_columns_is_one_clear_error()
    {
        _dir.Write("w.csv", "question,solution\nx,y\n");
        var item = Assert.Single(Read(new CsvDatasetSource(_dir.File("w.csv"), "w.csv", null, new FieldMapOptions())));
        Assert.Contains("'prompt' and 'answer'", item.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repository_sample_files_import_cleanly()
    {
        var gsm = Read(new JsonlDatasetSource(Path.Combine(RepoPaths.Root, "problems", "gsm8k_sample.jsonl"), "g", "gsm8k", null, new FieldMapOptions()));
        var csv = Read(new CsvDatasetSource(Path.Combine(RepoPaths.Root, "problems", "word_problems.csv"), "w", null, new FieldMapOptions()));
        Assert.All(gsm.Concat(csv), i => Assert.Null(i.Error));
        Assert.Equal(25, gsm.Count);
        Assert.Equal(10, csv.Count);
    }

    [Fact]
    public void Missing_file_is_an_error_item()
    {
        var item = Assert.Single(Read(Jsonl("absent.jsonl")));
        Assert.Contains("cannot open", item.Error!.Message, StringComparison.Ordinal);
    }
}
