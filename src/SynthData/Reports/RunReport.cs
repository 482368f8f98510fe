using SynthData.Export;

namespace SynthData.Reports;

/// <summary>Writes <c>report.csv</c> and <c>report.html</c> for the ledger, each atomically.</summary>
public static class RunReport
{
    public static async Task<(string Csv, string Html, int Rows)> WriteAsync(ExportContext context, string directory, CancellationToken cancellationToken)
    {
        var rows = ReportRow.Build(context.Attempts, context.Options.Model);
        var csv = Path.Combine(directory, "report.csv");
        var html = Path.Combine(directory, "report.html");
        await AtomicFile.WriteAsync(csv, w =>
        {
            CsvReport.Write(rows, w);
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        var models = string.Join(", ", context.Attempts.Select(a => a.Attempt.Model).Distinct().Order(StringComparer.Ordinal));
        await AtomicFile.WriteAsync(html, w => w.WriteAsync(HtmlReport.Render(rows, context.Attempts, context.Dataset, models)), cancellationToken).ConfigureAwait(false);
        return (csv, html, rows.Count);
    }
}
