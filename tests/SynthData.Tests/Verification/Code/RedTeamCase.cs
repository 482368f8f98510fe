using System.Text.Json.Nodes;
using SynthData.Problems;

namespace SynthData.Tests.Verification.Code;

/// <summary>
/// One red-team program from <c>RedTeam/*.py</c>. Its header comments say what it is:
/// <c># class: NAME</c> (threat class), <c># expect: pass|fail|timeout|memory|output_limit|failed</c> (fail = any
/// rejection that is not a sandbox error), optional <c># timeout: SECONDS</c> (default 2), <c># entry: NAME</c>
/// (default add), <c># tests: LINE</c> (repeatable; default <see cref="DefaultTests"/>), or io mode with
/// <c># stdin: TEXT</c> and <c># stdout: TEXT</c> (\n escapes). Hostile programs are written to pass exactly when
/// their attack works, so "judged FAIL" means "the attack did not work".
/// </summary>
internal sealed record RedTeamCase(string Name, string Class, string Expect, Problem Problem, string Program)
{
    public const string DefaultTests = """
        import math

        def check(candidate):
            assert candidate(2, 3) == 5
            assert candidate(10, -4) == 6
            assert math.isclose(candidate(0.5, 0.25), 0.75)
        """;

    public static IReadOnlyList<RedTeamCase> Load()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Verification", "Code", "RedTeam");
        return Directory.EnumerateFiles(dir, "*.py").Order(StringComparer.Ordinal).Select(Parse).ToList();
    }

    private static RedTeamCase Parse(string path)
    {
        var program = File.ReadAllText(path);
        string? cls = null, expect = null, entry = "add", stdin = null, stdout = null;
        var timeout = 2.0;
        var tests = new List<string>();
        foreach (var line in program.Split('\n').TakeWhile(l => l.StartsWith('#')))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
                continue;
            var key = line[1..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "class": cls = value; break;
                case "expect": expect = value; break;
                case "entry": entry = value; break;
                case "timeout": timeout = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "tests": tests.Add(line[(colon + 2)..]); break;
                case "stdin": stdin = Unescape(value); break;
                case "stdout": stdout = Unescape(value); break;
            }
        }
        var name = Path.GetFileNameWithoutExtension(path);
        if (cls is null || expect is null)
            throw new InvalidDataException($"{path}: the header needs '# class:' and '# expect:'");
        var problem = new Problem
        {
            Id = name, Domain = ProblemDomain.Code, Prompt = string.Empty,
            Tests = stdin is null ? (tests.Count > 0 ? string.Join('\n', tests) : DefaultTests) : null,
            EntryPoint = stdin is null ? entry : null,
            IoTests = stdin is null ? null : [new IoTest(stdin, stdout ?? string.Empty)],
            Source = ProblemOrigin.Dataset("red-team", 1),
            Metadata = new JsonObject { ["timeout_s"] = timeout },
        };
        return new RedTeamCase(name, cls, expect, problem, program);
    }

    private static string Unescape(string text) => text.Replace("\\n", "\n", StringComparison.Ordinal);
}
