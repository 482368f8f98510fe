using System.CommandLine;
using Microsoft.Extensions.Logging;
using SynthData.Cli.Hosting;
using SynthData.Cli.Reward;
using SynthData.Config;
using SynthData.Problems;
using SynthData.Reward;
using SynthData.Verification;
using SynthData.Verification.Code;

namespace SynthData.Cli.Commands;

/// <summary><c>synthdata serve-reward</c>: the reward server for RL trainers (DESIGN.md §2b), until SIGTERM/Ctrl-C.</summary>
internal static class ServeRewardCommand
{
    public const int DefaultPort = 8765;

    public static Command Create(CliIO io)
    {
        var port = new Option<int>("--port") { Description = $"Loopback port (0: any free port; default {DefaultPort})", DefaultValueFactory = _ => DefaultPort, HelpName = "N" };
        var config = new Option<string?>("--config") { Description = "Pipeline config for the verification and reward settings (default: pipeline.yaml when present, else built-in defaults)", HelpName = "FILE" };
        var command = new Command("serve-reward", "Score (ground truth, response) batches over HTTP with the pipeline's verifiers, for RL trainers") { port, config };
        command.SetAction(async (parse, ct) =>
        {
            var portNumber = parse.GetValue(port);
            if (portNumber is < 0 or > 65535)
                throw new UsageException("--port must be between 0 and 65535");
            var options = await LoadOptionsAsync(parse.GetValue(config), io).ConfigureAwait(false);

            using var loggers = PipelineHost.CreateLoggerFactory();
            var logger = loggers.CreateLogger("synthdata.reward");
            var verifiers = VerifierFactory.Create(options, loggers);
            using var disposeVerifiers = new DisposableGroup(verifiers.Values);
            await ProbeSandboxAsync(verifiers, io).ConfigureAwait(false);
            using var scorer = new RewardScorer(verifiers, TimeSpan.FromSeconds(options.Reward.ItemTimeoutSeconds), logger);

            RewardServer server;
            try
            {
                server = await RewardServer.StartAsync(scorer, portNumber, (long)options.Reward.MaxRequestMb * 1024 * 1024,
                    TimeSpan.FromSeconds(options.Reward.ShutdownGraceSeconds), ct).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new UsageException($"cannot listen on 127.0.0.1:{portNumber}: {e.Message} (choose another --port, or 0 for any free one)");
            }

            await using (server.ConfigureAwait(false))
            {
                // The one line on stdout: trainers and tests wait for it (and read the port from it when --port 0).
                await io.Out.WriteLineAsync($"listening on {server.BaseUrl}").ConfigureAwait(false);
                await io.Out.FlushAsync(ct).ConfigureAwait(false);
                await io.Error.WriteLineAsync($"reward server: POST {server.BaseUrl}/v1/reward; item deadline {options.Reward.ItemTimeoutSeconds} s, body cap {options.Reward.MaxRequestMb} MiB; Ctrl-C or SIGTERM to stop").ConfigureAwait(false);
                await StopSignal.WaitAsync(ct).ConfigureAwait(false);
                await io.Error.WriteLineAsync("reward server: stopping, finishing requests in flight").ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>An explicit --config must load; without one, ./pipeline.yaml when present, else the defaults (said on stderr).</summary>
    private static async Task<PipelineOptions> LoadOptionsAsync(string? path, CliIO io)
    {
        if (path is not null)
            return CommonOptions.Load(path);
        if (File.Exists("pipeline.yaml"))
            return CommonOptions.Load("pipeline.yaml");
        await io.Error.WriteLineAsync("reward server: no pipeline.yaml here and no --config: using the default verification and reward settings").ConfigureAwait(false);
        return new PipelineOptions();
    }

    /// <summary>
    /// A sandbox that does not work here is said at start-up; the server still scores math, and every code item gets
    /// an error result naming the cause (never a silent 0).
    /// </summary>
    private static async Task ProbeSandboxAsync(IReadOnlyDictionary<ProblemDomain, IVerifier> verifiers, CliIO io)
    {
        if (verifiers.GetValueOrDefault(ProblemDomain.Code) is not CodeVerifier code)
            return;
        try
        {
            await code.EnsureSandboxWorksAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SandboxUnavailableException e)
        {
            await io.Error.WriteLineAsync($"reward server: WARNING: {e.Message}; code items will be answered with errors.").ConfigureAwait(false);
        }
    }
}
