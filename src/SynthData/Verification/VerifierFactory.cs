using Microsoft.Extensions.Logging;
using SynthData.Config;
using SynthData.Logic.Domain;
using SynthData.Problems;
using SynthData.Verification.Code;
using SynthData.Verification.Math;

namespace SynthData.Verification;

/// <summary>Builds the configured verifier for each domain.</summary>
public static class VerifierFactory
{
    public static Dictionary<ProblemDomain, IVerifier> Create(PipelineOptions options, ILoggerFactory loggers) => new()
    {
        [ProblemDomain.Math] = new MathVerifier(CreateMathChecker(options.Verification.Math)),
        [ProblemDomain.Code] = CreateCodeVerifier(options, loggers),
        [ProblemDomain.Logic] = new LogicVerifier(),
    };

    public static IMathAnswerChecker CreateMathChecker(MathVerificationOptions options) => new MathAnswerChecker(new MathVerifierOptions
    {
        LastNumberFallback = options.LastNumberFallback,
        Timeout = TimeSpan.FromMilliseconds(options.TimeoutMs),
    });

    public static CodeVerifier CreateCodeVerifier(PipelineOptions options, ILoggerFactory loggers) =>
        new(options.Verification.Code, loggers.CreateLogger<CodeVerifier>());
}
