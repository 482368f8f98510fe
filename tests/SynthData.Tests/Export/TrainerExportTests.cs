using System.Text.Json;
using System.Text.Json.Nodes;
using Parquet.Serialization;
using SynthData.Export;

namespace SynthData.Tests.Export;

/// <summary>
/// The exports as the trainers they target read them (issue 9): GRPO prompts with a top-level solution, SFT in
/// prompt–completion form, the file format chosen by <c>--out</c>, LLaMA-Factory's registry, one schema per export,
/// and source licences. All on a real run over math and code sources with a system prompt.
/// </summary>
public sealed class TrainerExportTests(MixedPipelineLedger ledger) : IClassFixture<MixedPipelineLedger>
{
    private static string Str(JsonNode? node) => node!.GetValue<string>();

    /// <summary>The domain of a row of any format (<c>domain</c>, or <c>ability</c> for the RL formats).</summary>
    private static string Domain(JsonObject row) => Str(row["domain"] ?? row["ability"]);

    private static void AssertPrompt(JsonArray prompt)
    {
        Assert.Equal(["system", "user"], prompt.Select(m => Str(m!["role"])));
        Assert.Equal(MixedPipelineLedger.SystemPrompt, Str(prompt[0]!["content"]));
        Assert.False(string.IsNullOrWhiteSpace(Str(prompt[1]!["content"])));
    }

    [Fact]
    public async Task Grpo_rows_are_prompt_only_with_the_rl_ground_truth_as_a_string_solution()
    {
        var grpo = await ledger.ExportAsync("grpo", "grpo.jsonl");
        var rl = await ledger.ExportAsync("rl", "rl-for-grpo.jsonl");
        Assert.Equal(rl.Count, grpo.Count);
        Assert.Equal(grpo.Select(r => Str(r["problem_id"])).Order(StringComparer.Ordinal), grpo.Select(r => Str(r["problem_id"])));
        for (var i = 0; i < grpo.Count; i++)
        {
            var row = grpo[i];
            var twin = rl[i];
            Assert.Equal(Str(twin["extra_info"]!["problem_id"]), Str(row["problem_id"]));
            AssertPrompt(row["prompt"]!.AsArray()); // no assistant turn: GRPO samples the completion itself
            Assert.True(JsonNode.DeepEquals(twin["prompt"], row["prompt"]));
            Assert.Equal(JsonValueKind.String, row["solution"]!.GetValueKind());
            Assert.Equal(Str(twin["reward_model"]!["ground_truth"]), Str(row["solution"]));
            Assert.Equal(Str(twin["ability"]), Str(row["ability"]));
            if (Str(row["ability"]) == "math")
            {
                Assert.False(string.IsNullOrWhiteSpace(Str(row["solution"])));
            }
            else
            {
                Assert.Equal("code", Str(row["ability"]));
                var tests = JsonNode.Parse(Str(row["solution"]))!.AsObject();
                Assert.True(tests.ContainsKey("function_tests") || tests.ContainsKey("tests"), tests.ToJsonString());
            }

            Assert.InRange(row["pass_rate"]!.GetValue<double>(), 0, 1);
            Assert.Equal("simulated", Str(row["model"]));
        }

        Assert.Equal(["code", "math"], grpo.Select(r => Str(r["ability"])).Distinct().Order(StringComparer.Ordinal));
        var codeShapes = grpo.Where(r => Str(r["ability"]) == "code").Select(r => JsonNode.Parse(Str(r["solution"]))!.AsObject().ContainsKey("function_tests")).Distinct().Count();
        Assert.Equal(2, codeShapes); // data-driven calls (generator) and check(candidate) tests (HumanEval)
    }

    [Fact]
    public async Task Code_ground_truth_is_a_verify_code_row_that_judges_each_attempt_as_the_pipeline_did()
    {
        var grpo = (await ledger.ExportAsync("grpo", "grpo-for-verify.jsonl"))
            .Where(r => Str(r["ability"]) == "code").ToDictionary(r => Str(r["problem_id"]), r => Str(r["solution"]));
        var raw = await ledger.RawAsync();
        var attempts = raw.Values
            .Where(a => grpo.ContainsKey(Str(a["problem_id"])) && a["verdict"] is not null && Str(a["finish_reason"]) != "length")
            .ToList();
        var lines = attempts.Select(a =>
        {
            // The ground truth alone, plus the program: nothing looked up anywhere else.
            var row = JsonNode.Parse(grpo[Str(a["problem_id"])])!.AsObject();
            row["id"] = $"{Str(a["problem_id"])}#{(int)a["sample_index"]!}";
            row["code"] = Str(a["response"]);
            return row.ToJsonString();
        });
        var input = Path.Combine(ledger.Dir, "verify-code.jsonl");
        await File.WriteAllLinesAsync(input, lines);
        var r = await TestSupport.Cli.RunAsync("verify", "code", "--input", input, "--output", ledger.File("verify-code.out.jsonl"));
        Assert.True(r.ExitCode == 0, r.Error);
        var results = PipelineLedger.Lines(ledger.File("verify-code.out.jsonl"));
        Assert.Equal(attempts.Count, results.Count);
        for (var i = 0; i < attempts.Count; i++)
        {
            Assert.Null(results[i]["error"]);
            Assert.True((bool)attempts[i]["accepted"]! == (bool)results[i]["passed"]!,
                $"{results[i]["id"]}: pipeline {attempts[i]["verdict"]!.ToJsonString()} vs verify code {results[i].ToJsonString()}");
            Assert.Equal(attempts[i]["verdict"]!["score"]!.GetValue<double>(), results[i]["score"]!.GetValue<double>());
        }

        Assert.Contains(results, x => (bool)x["passed"]!);
        Assert.Contains(results, x => !(bool)x["passed"]!);
    }

    [Fact]
    public async Task Sft_rows_are_prompt_completion_by_default_and_messages_only_when_configured()
    {
        var rows = await ledger.ExportAsync("sft", "sft-pc.jsonl");
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var prompt = row["prompt"]!.AsArray();
            AssertPrompt(prompt);
            var completion = Assert.Single(row["completion"]!.AsArray())!;
            Assert.Equal("assistant", Str(completion["role"]));
            Assert.False(string.IsNullOrWhiteSpace(Str(completion["content"])));
            Assert.True(JsonNode.DeepEquals(new JsonArray([.. prompt.Select(m => m!.DeepClone()), completion.DeepClone()]), row["messages"]));
        }

        var config = ledger.WriteConfig("sft-messages.yaml", "export:\n  sft_style: messages");
        var plain = await ledger.ExportAsync("sft", "sft-messages.jsonl", config);
        Assert.Equal(rows.Count, plain.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.False(plain[i].ContainsKey("prompt"));
            Assert.False(plain[i].ContainsKey("completion"));
            Assert.True(JsonNode.DeepEquals(rows[i]["messages"], plain[i]["messages"]));
        }
    }

    [Fact]
    public async Task The_out_extension_picks_the_file_format()
    {
        foreach (var format in new[] { "grpo", "sharegpt" })
        {
            var lines = await ledger.ExportAsync(format, $"ext.{format}.jsonl");
            var r = await TestSupport.Cli.RunAsync("export", "--format", format, "--config", ledger.Config, "--out", ledger.File($"ext.{format}.json"));
            Assert.True(r.ExitCode == 0, r.Error);
            var array = JsonNode.Parse(await File.ReadAllTextAsync(ledger.File($"ext.{format}.json")))!.AsArray();
            Assert.Equal(lines.Count, array.Count);
            Assert.All(lines.Zip(array), p => Assert.True(JsonNode.DeepEquals(p.First, p.Second)));
        }

        var grpo = await ledger.ExportAsync("grpo", "ext.grpo-twin.jsonl");
        var parquet = await TestSupport.Cli.RunAsync("export", "--format", "grpo", "--config", ledger.Config, "--out", ledger.File("ext.grpo.parquet"));
        Assert.True(parquet.ExitCode == 0, parquet.Error);
        await using (var stream = File.OpenRead(ledger.File("ext.grpo.parquet")))
        {
            var typed = (await ParquetSerializer.DeserializeAsync<GrpoRow>(stream)).Data;
            Assert.Equal(grpo.Count, typed.Count);
            for (var i = 0; i < grpo.Count; i++)
                Assert.True(JsonNode.DeepEquals(grpo[i], JsonSerializer.SerializeToNode(typed[i])), $"row {i} differs");
        }

        // rl to .parquet: one Parquet file, and no JSONL written over it or beside it.
        var rl = await TestSupport.Cli.RunAsync("export", "--format", "rl", "--config", ledger.Config, "--out", ledger.File("only-rl.parquet"));
        Assert.True(rl.ExitCode == 0, rl.Error);
        var head = new byte[4];
        await using (var stream = File.OpenRead(ledger.File("only-rl.parquet")))
            await stream.ReadExactlyAsync(head);
        Assert.Equal("PAR1"u8.ToArray(), head);
        Assert.False(File.Exists(ledger.File("only-rl.jsonl")));
    }

    [Theory]
    [InlineData("sft", "out.csv", "'.csv'")]
    [InlineData("rl", "out.txt", "'.txt'")]
    [InlineData("dpo", "no-extension", "''")]
    [InlineData("sft", "out.parquet", "cannot be written as Parquet")]
    [InlineData("raw", "out.parquet", "cannot be written as Parquet")]
    public async Task An_out_extension_that_names_no_format_is_refused_before_anything_is_written(string format, string file, string expected)
    {
        var path = ledger.File(Path.Combine("refused", format, file));
        var r = await TestSupport.Cli.RunAsync("export", "--format", format, "--config", ledger.Config, "--out", path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--out " + path, r.Error, StringComparison.Ordinal);
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
        Assert.Contains("use .jsonl or .json", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    private async Task<(JsonObject Info, string Dir)> HfAsync(string name, string? config = null)
    {
        var dir = ledger.File(name);
        var r = await TestSupport.Cli.RunAsync("export", "--format", "hf", "--config", config ?? ledger.Config, "--out", dir);
        Assert.True(r.ExitCode == 0, r.Error);
        return (JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "dataset_info.json")))!.AsObject(), dir);
    }

    [Fact]
    public async Task Llama_factory_info_maps_system_only_when_rows_have_it_and_marks_pairs_as_ranking()
    {
        var (info, dir) = await HfAsync("hf-system");
        var sft = info["synthdata"]!;
        Assert.Equal("sharegpt", Str(sft["formatting"]));
        Assert.Null(sft["ranking"]);
        Assert.Equal("""{"messages":"conversations","system":"system"}""", sft["columns"]!.ToJsonString());
        var dpo = info["synthdata_dpo"]!;
        Assert.Equal("data/sharegpt_dpo/train.jsonl", Str(dpo["file_name"]));
        Assert.True(dpo["ranking"]!.GetValue<bool>());
        Assert.Equal("""{"messages":"conversations","chosen":"chosen","rejected":"rejected","system":"system"}""", dpo["columns"]!.ToJsonString());
        foreach (var row in PipelineLedger.Lines(Path.Combine(dir, "data", "sharegpt", "train.jsonl")))
            Assert.Equal(MixedPipelineLedger.SystemPrompt, Str(row["system"]));
        var pairs = PipelineLedger.Lines(Path.Combine(dir, "data", "sharegpt_dpo", "train.jsonl"));
        Assert.NotEmpty(pairs);
        foreach (var row in pairs)
        {
            Assert.Equal(MixedPipelineLedger.SystemPrompt, Str(row["system"]));
            Assert.Equal("human", Str(Assert.Single(row["conversations"]!.AsArray())!["from"]));
            Assert.Equal("gpt", Str(row["chosen"]!["from"]));
            Assert.Equal("gpt", Str(row["rejected"]!["from"]));
            Assert.NotEqual(Str(row["chosen"]!["value"]), Str(row["rejected"]!["value"]));
        }

        // Without the system prompt in the rows, no entry maps a column that no row has.
        var (bare, bareDir) = await HfAsync("hf-no-system", ledger.WriteConfig("no-system.yaml", "export:\n  include_system_prompt: false"));
        Assert.Equal("""{"messages":"conversations"}""", bare["synthdata"]!["columns"]!.ToJsonString());
        Assert.Equal("""{"messages":"conversations","chosen":"chosen","rejected":"rejected"}""", bare["synthdata_dpo"]!["columns"]!.ToJsonString());
        Assert.True(bare["synthdata_dpo"]!["ranking"]!.GetValue<bool>());
        foreach (var config in new[] { "sharegpt", "sharegpt_dpo" })
            Assert.All(PipelineLedger.Lines(Path.Combine(bareDir, "data", config, "train.jsonl")), row => Assert.False(row.ContainsKey("system")));
    }

    [Theory]
    [InlineData("sft")]
    [InlineData("dpo")]
    [InlineData("rl")]
    [InlineData("grpo")]
    [InlineData("sharegpt")]
    [InlineData("sharegpt_dpo")]
    [InlineData("raw")]
    public async Task Every_row_of_an_export_has_the_same_keys_and_json_types(string format)
    {
        var rows = await ledger.ExportAsync(format, $"schema.{format}.jsonl");
        // Math and code rows side by side: their sources, verifiers and ground truths differ, their schema must not.
        Assert.Equal(["code", "math"], rows.Select(Domain).Distinct().Order(StringComparer.Ordinal));
        var schema = new RowSchema();
        foreach (var row in rows)
            schema.Add(row, "$");
        Assert.Empty(schema.Conflicts);
    }

    /// <summary>
    /// What the <c>datasets</c> library infers per column: for every path, the key list of its objects and the JSON
    /// type of its values (integer and float apart: a column that mixes them fails a later chunk). Null fits any type.
    /// </summary>
    private sealed class RowSchema
    {
        private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);

        public List<string> Conflicts { get; } = [];

        public void Add(JsonNode? node, string path)
        {
            if (node is null)
                return;
            switch (node)
            {
                case JsonObject o:
                    Record(path, "object {" + string.Join(", ", o.Select(kv => kv.Key)) + "}");
                    foreach (var (key, value) in o)
                        Add(value, $"{path}.{key}");
                    break;
                case JsonArray a:
                    Record(path, "array");
                    foreach (var item in a)
                        Add(item, path + "[]");
                    break;
                default:
                    Record(path, node.GetValueKind() switch
                    {
                        JsonValueKind.Number => node.ToJsonString().IndexOfAny(['.', 'e', 'E']) >= 0 ? "float" : "integer",
                        JsonValueKind.True or JsonValueKind.False => "bool",
                        var kind => kind.ToString(),
                    });
                    break;
            }
        }

        private void Record(string path, string shape)
        {
            if (_seen.TryAdd(path, shape) || _seen[path] == shape)
                return;
            var conflict = $"{path}: {_seen[path]} and {shape}";
            if (!Conflicts.Contains(conflict))
                Conflicts.Add(conflict);
        }
    }

    [Fact]
    public async Task The_card_and_licence_file_name_every_source_licence_and_each_row_carries_its_own()
    {
        var (_, dir) = await HfAsync("hf-licences");
        var card = await File.ReadAllTextAsync(Path.Combine(dir, "README.md"));
        var front = card[..card.IndexOf("\n---\n", 4, StringComparison.Ordinal)];
        Assert.Contains("\nlicense: other\n", front, StringComparison.Ordinal); // MIT datasets and Apache-2.0 generators
        Assert.Contains("\nlicense_name: ", front, StringComparison.Ordinal);
        Assert.Contains("\nlicense_link: LICENSE.md\n", front, StringComparison.Ordinal);

        // The licence table: one row per source, none unknown.
        var section = card[card.IndexOf("## Licences", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var table = section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| source", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal)).ToList();
        var licences = table.Select(l => l.Split('|', StringSplitOptions.TrimEntries)).ToDictionary(c => (c[2], c[1]), c => c[4]);
        Assert.Equal(4, licences.Count);
        Assert.Equal("Apache-2.0", licences[("generator", "arithmetic")]);
        Assert.Equal("Apache-2.0", licences[("generator", "run_length_encoding")]);
        Assert.Equal(["MIT", "MIT"], licences.Where(kv => kv.Key.Item1 == "dataset").Select(kv => kv.Value));

        var file = await File.ReadAllTextAsync(Path.Combine(dir, "LICENSE.md"));
        Assert.All(table, line => Assert.Contains(line, file, StringComparison.Ordinal));
        Assert.Contains("`simulated`", file, StringComparison.Ordinal); // the model whose terms may apply

        foreach (var config in new[] { "sft", "grpo", "sharegpt" })
        {
            foreach (var row in PipelineLedger.Lines(Path.Combine(dir, "data", config, "train.jsonl")))
                Assert.Equal(licences[(Str(row["source"]!["kind"]), Str(row["source"]!["name"]))], Str(row["source"]!["license"]));
        }
    }
}
