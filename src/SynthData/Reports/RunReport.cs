using SynthData.Export;

namespace SynthData.Reports;

/// <summary>Writes <c>report.csv</c> and <c>report.html</c> for the ledger, each atomically, from one ordered pass.</summary>
public static class RunReport
{
    public static async Task<(string Csv, string Html, int Rows)> WriteAsync(ExportContext context, string directory, CancellationToken cancellationToken)
    {
        var tally = new ReportTally();
        var curation = await ExportRunner.RunPassAsync(context, [], tally.Add, cancellationToken).ConfigureAwait(false);
        var rows = ReportRow.Build(tally, context.Options.Model);
        var csv = Path.Combine(directory, "report.csv");
        var html = Path.Combine(directory, "report.html");
        await AtomicFile.WriteAsync(csv, w =>
        {
            CsvReport.Write(rows, w);
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        var models = string.Join(", ", tally.Models);
        await AtomicFile.WriteAsync(html, w => w.WriteAsync(HtmlReport.Render(rows, tally, curation, models)), cancellationToken).ConfigureAwait(false);
        return (csv, html, rows.Count);
    }
}
