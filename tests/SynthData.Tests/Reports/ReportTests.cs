using System.Globalization;
using System.Text.Json.Nodes;
using CsvHelper;
using SynthData.Tests.Export;

namespace SynthData.Tests.Reports;

public sealed class ReportTests(PipelineLedger ledger) : IClassFixture<PipelineLedger>
{
    [Fact]
    public async Task Csv_has_a_row_per_source_and_difficulty_whose_counts_add_up_to_the_ledger()
    {
        var r = await TestSupport.Cli.RunAsync("report", "--config", ledger.Config, "--out", ledger.File("report"));
        Assert.True(r.ExitCode == 0, r.Error);
        using var reader = new CsvReader(new StreamReader(ledger.File("report/report.csv")), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["arithmetic", "gsm8k_sample.jsonl", "linear_equation"], rows.Select(x => Path.GetFileName((string)x["source"])).Order(StringComparer.Ordinal));

        var stats = JsonNode.Parse((await TestSupport.Cli.RunAsync("stats", "--config", ledger.Config, "--json")).Out)!;
        Assert.Equal((long)stats["attempts"]!, rows.Sum(x => long.Parse((string)x["samples"], CultureInfo.InvariantCulture)));
        Assert.Equal((long)stats["accepted"]!, rows.Sum(x => long.Parse((string)x["accepted"], CultureInfo.InvariantCulture)));
        Assert.Equal((long)stats["problems"]!, rows.Sum(x => long.Parse((string)x["problems"], CultureInfo.InvariantCulture)));
        var arithmetic = rows.Single(x => (string)x["source"] == "arithmetic");
        Assert.Equal("2", arithmetic["difficulty"]);
        var rate = double.Parse((string)arithmetic["pass_rate"], CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(double.Parse((string)arithmetic["accepted"], CultureInfo.InvariantCulture) / double.Parse((string)arithmetic["samples"], CultureInfo.InvariantCulture), 4), rate);
        Assert.Contains("correct=", (string)arithmetic["verdict_reasons"], StringComparison.Ordinal);
        Assert.True(double.Parse((string)arithmetic["median_tokens"], CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task Html_is_self_contained_with_charts()
    {
        var r = await TestSupport.Cli.RunAsync("report", "--config", ledger.Config, "--out", ledger.File("report-html"));
        Assert.True(r.ExitCode == 0, r.Error);
        var html = File.ReadAllText(ledger.File("report-html/report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.True(html.Split("<svg").Length - 1 >= 4, "pass rate, length histogram and verdict charts");
        Assert.Contains("Pass rate by source and difficulty", html, StringComparison.Ordinal);
        Assert.Contains("accepted vs rejected", html, StringComparison.Ordinal);
        Assert.Contains("wrong_answer", html, StringComparison.Ordinal);
    }
}
