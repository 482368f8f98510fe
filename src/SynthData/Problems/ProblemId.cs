using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SynthData.Problems;

/// <summary>
/// Content-hash ids: domain + normalised prompt + reference answer or tests. Whitespace runs and Unicode
/// composition differences do not change the id, so the same problem imported twice is one problem.
/// </summary>
public static partial class ProblemId
{
    /// <summary>The id of a problem built from these parts: data-driven tests count as part of the content.</summary>
    public static string For(ProblemDomain domain, string prompt, string? answer, string? tests,
        IReadOnlyList<IoTest>? ioTests, IReadOnlyList<FunctionTest>? functionTests)
    {
        var testsData = functionTests is { Count: > 0 }
            ? System.Text.Json.JsonSerializer.Serialize(functionTests.Select(t => new object?[] { t.Args, t.Expected }))
            : ioTests is { Count: > 0 } ? System.Text.Json.JsonSerializer.Serialize(ioTests) : null;
        return Compute(domain, prompt, answer, tests, testsData);
    }

    public static string Compute(ProblemDomain domain, string prompt, string? answer, string? tests, string? testsData = null)
    {
        var text = string.Join('\u001f',
            domain.ToWire(),
            Normalize(prompt),
            Normalize(answer ?? string.Empty),
            Normalize(tests ?? string.Empty),
            Normalize(testsData ?? string.Empty));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>Unicode NFC, every whitespace run one space, ends trimmed: how prompts are compared everywhere.</summary>
    public static string Normalize(string text) =>
        Whitespace().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
