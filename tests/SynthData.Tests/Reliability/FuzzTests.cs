using System.Text;
using SynthData.Common;
using SynthData.Config;
using SynthData.Problems;
using SynthData.Problems.Datasets;
using SynthData.Sampling;
using SynthData.Tests.TestSupport;

namespace SynthData.Tests.Reliability;

/// <summary>Seeded mutations of configs, problem files and model responses: never an unhandled exception, every error located.</summary>
public sealed class FuzzTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string ValidConfig = File.ReadAllText(Path.Combine(RepoPaths.Root, "pipeline.yaml"));

    private static readonly string[] Tokens =
        ["", " ", "\t", ":", "- ", "[", "]", "{", "}", "\"", "'", "#", "&a", "*a", "!!int", "null", "-1", "1e309", "0x10", "yes",
         "\u00e9", "\ud83d\ude00", "\0", "\n", "  nested:\n    x: 1", "sources: 3", "99999999999999999999", "~", "|", "> "];

    private static string Mutate(string text, SeededRandom rng)
    {
        var sb = new StringBuilder(text);
        var edits = rng.Next(1, 4);
        for (var i = 0; i < edits && sb.Length > 0; i++)
        {
            var at = rng.Next(0, sb.Length - 1);
            switch (rng.Next(0, 4))
            {
                case 0: sb.Remove(at, Math.Min(rng.Next(1, 12), sb.Length - at)); break;
                case 1: sb.Insert(at, rng.Pick(Tokens)); break;
                case 2: sb[at] = (char)rng.Next(0, 127); break;
                case 3:
                    var lines = sb.ToString().Split('\n').ToList();
                    var l = rng.Next(0, lines.Count - 1);
                    lines.Insert(rng.Next(0, lines.Count - 1), lines[l]);
                    sb.Clear().Append(string.Join('\n', lines));
                    break;
                default: sb.Insert(at, (char)rng.Next(0x20, 0x2FFF)); break;
            }
        }

        return sb.ToString();
    }

    [Fact]
    public void A_thousand_mutated_configs_load_or_fail_with_located_errors()
    {
        var rng = new SeededRandom(1);
        var failed = 0;
        for (var i = 0; i < 1000; i++)
        {
            var yaml = Mutate(ValidConfig, rng);
            try
            {
                ConfigLoader.Parse(yaml, "fuzz.yaml");
            }
            catch (ConfigException e)
            {
                failed++;
                Assert.NotEmpty(e.Errors);
                Assert.All(e.Errors, x =>
                {
                    Assert.Equal("fuzz.yaml", x.File);
                    Assert.False(string.IsNullOrWhiteSpace(x.Message));
                    Assert.True(x.Line >= 1 || x.Key.Length > 0, $"unlocated error: {x}");
                });
            }
        }

        Assert.InRange(failed, 100, 1000); // the mutations must actually break configs
    }

    [Fact]
    public void A_thousand_mutated_problem_files_never_throw_and_errors_name_file_and_line()
    {
        var gsm = File.ReadAllText(Path.Combine(RepoPaths.Root, "problems", "gsm8k_sample.jsonl"));
        var csv = File.ReadAllText(Path.Combine(RepoPaths.Root, "problems", "word_problems.csv"));
        var rng = new SeededRandom(2);
        var errors = 0;
        for (var i = 0; i < 1000; i++)
        {
            var isCsv = i % 2 == 1;
            var text = Mutate(isCsv ? csv : gsm, rng);
            var bytes = Encoding.UTF8.GetBytes(text);
            if (rng.Chance(0.2))
                bytes[rng.Next(0, bytes.Length - 1)] = (byte)rng.Next(0x80, 0xFF); // broken encoding
            var name = $"f{i}.{(isCsv ? "csv" : "jsonl")}";
            File.WriteAllBytes(_dir.File(name), bytes);
            IProblemSource source = isCsv
                ? new CsvDatasetSource(_dir.File(name), name, null, new FieldMapOptions())
                : new JsonlDatasetSource(_dir.File(name), name, rng.Chance(0.5) ? "gsm8k" : "jsonl", null, new FieldMapOptions());
            foreach (var item in source.Read(CancellationToken.None))
            {
                Assert.True(item.Problem is not null ^ item.Error is not null);
                if (item.Error is { } e)
                {
                    errors++;
                    Assert.Equal(name, e.File);
                    Assert.True(e.Line >= 1, e.ToString());
                    Assert.False(string.IsNullOrWhiteSpace(e.Message));
                }
            }
        }

        Assert.True(errors > 200, $"only {errors} errors: mutations too gentle");
    }

    [Fact]
    public void Mutated_completion_bodies_parse_or_are_malformed_never_anything_else()
    {
        const string body = """{"id":"c1","object":"chat.completion","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"<think>x</think> \\boxed{2}","reasoning_content":null},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":5,"total_tokens":8}}""";
        var rng = new SeededRandom(3);
        var malformed = 0;
        for (var i = 0; i < 1000; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(Mutate(body, rng));
            if (rng.Chance(0.1))
                bytes[rng.Next(0, bytes.Length - 1)] = 0xFF;
            try
            {
                var c = ChatCompletionJson.Parse(BinaryData.FromBytes(bytes), "m")[0];
                Assert.NotNull(c.Content);
                Assert.NotNull(c.FinishReason);
            }
            catch (MalformedResponseException)
            {
                malformed++;
            }
        }

        Assert.InRange(malformed, 100, 1000);
    }
}
