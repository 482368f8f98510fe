using Microsoft.Extensions.Logging;
using SynthData.Config;
using SynthData.Ledger;
using SynthData.Pipeline;
using SynthData.Problems;
using SynthData.Sampling;
using SynthData.Verification;

namespace SynthData.Cli.Hosting;

/// <summary>Runs one batch end to end: ledger, model session, verifiers, pipeline. Shared by <c>run</c> and <c>worker</c>.</summary>
public sealed class BatchExecutor(PipelineOptions options, ILoggerFactory loggerFactory, CliIO io)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("synthdata");

    public async Task<RunSummary> ExecuteAsync(string command, IProgress<RunProgress>? progress, CancellationToken stopToken)
    {
        using var ledger = RunLedger.Open(options);
        ModelSession? session = null;
        var verifiers = VerifierFactory.Create(options, loggerFactory);
        using var disposeVerifiers = new DisposableGroup(verifiers.Values);
        var sampling = SamplingParameters.From(options.Model);
        // Probes start only after a failed request, so the session is connected by then.
        var resilience = ResiliencePipelineFactory.Create(options.Model, _logger, ct => session!.Client.ProbeAsync(sampling, ct));
        var runner = new PipelineRunner(options, resilience, verifiers, _logger)
        {
            Progress = progress,
            BeforeSampling = async (domains, ct) =>
            {
                if (domains.Contains(ProblemDomain.Code) && verifiers[ProblemDomain.Code] is Verification.Code.CodeVerifier code)
                    await EnsureSandboxAsync(code, ct).ConfigureAwait(false);
            },
            // The simulated model only knows the problems it is told about: the ones this batch samples.
            Connect = async (pending, ct) =>
            {
                session = await ModelSession.StartAsync(options.Model, options.Model.Provider == ModelProvider.Simulated ? pending : [], _logger, ct).ConfigureAwait(false);
                return session.Client;
            },
        };
        try
        {
            return await runner.RunAsync(ledger, command, stopToken).ConfigureAwait(false);
        }
        finally
        {
            if (session is not null)
                await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Printed after any live progress display has finished, so the two never interleave.</summary>
    public void PrintSummary(RunSummary summary) =>
        SummaryPrinter.Print(summary, Ledger.Store.LedgerStore.For(options.LedgerSetting, options.OutputDirectory).Location, io.Out);

    /// <summary>Fail closed, early and clearly: a broken sandbox would otherwise turn every code sample into an error verdict.</summary>
    private static async Task EnsureSandboxAsync(Verification.Code.CodeVerifier code, CancellationToken ct)
    {
        try
        {
            await code.EnsureSandboxWorksAsync(ct).ConfigureAwait(false);
        }
        catch (Verification.Code.SandboxUnavailableException e)
        {
            // The message names the real cause and what to do about it (a missing bubblewrap is only one of them).
            throw new UsageException(e.Message);
        }
    }

    /// <summary>An endpoint that refused the run's requests (key, model, URL) is a configuration to fix: exit 2.</summary>
    public static int ExitCode(RunSummary summary) =>
        summary.Interrupted ? ExitCodes.Interrupted
        : summary.EndpointRejected ? ExitCodes.Usage
        : summary.Complete ? ExitCodes.Ok : ExitCodes.Failed;
}
