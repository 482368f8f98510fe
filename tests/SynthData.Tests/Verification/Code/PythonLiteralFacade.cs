using System.Text.Json.Nodes;
using SynthData.Verification.Code;

namespace SynthData.Tests.Verification.Code;

/// <summary>Renders a call the way prompts and failure messages do.</summary>
internal static class PythonLiteralFacade
{
    public static string Call(string entryPoint, JsonArray args) =>
        entryPoint + "(" + string.Join(", ", args.Select(PythonLiteral.FromJson)) + ")";
}
