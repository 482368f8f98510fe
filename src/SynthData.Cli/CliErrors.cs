using System.Data.Common;
using SynthData.Config;
using SynthData.Verification.Code;

namespace SynthData.Cli;

/// <summary>
/// Turns an exception that reached the top of a command into an exit code and one clear line. Expected failures (bad
/// config, unusable files, a missing sandbox, a damaged ledger) never show a stack trace; anything else is a bug and
/// says so, still without crashing the process.
/// </summary>
internal static class CliErrors
{
    public static (int ExitCode, string Message) Describe(Exception e) => e switch
    {
        ConfigException c => (ExitCodes.Usage, $"config error:{Environment.NewLine}  " + c.Message.Replace(Environment.NewLine, Environment.NewLine + "  ", StringComparison.Ordinal)),
        UsageException u => (ExitCodes.Usage, $"error: {u.Message}"),
        Problems.EmptySourceException empty => (ExitCodes.Usage, "error: a source yields no problems:" + string.Concat(empty.Reasons.Select(r => Environment.NewLine + "  " + r))),
        SandboxUnavailableException s => (ExitCodes.Usage, $"error: {s.Message}"),
        Sampling.EndpointCheckException m => (ExitCodes.Usage, $"error: {m.Message}"),
        IOException or UnauthorizedAccessException => (ExitCodes.Usage, $"error: {e.Message}"),
        DbException s => (ExitCodes.Failed, $"ledger error: {s.Message}"),
        _ => (ExitCodes.Failed, $"error: unexpected {e.GetType().Name}: {e.Message}"),
    };
}
