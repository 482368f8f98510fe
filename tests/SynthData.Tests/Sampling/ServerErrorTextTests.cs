using System.Text;
using SynthData.Sampling;

namespace SynthData.Tests.Sampling;

/// <summary>The human part of the error bodies OpenAI-compatible servers and proxies send: one line, bounded, never the key.</summary>
public sealed class ServerErrorTextTests
{
    private const string Key = "sk-abc123secret";

    private static string? Extract(string body) => ServerErrorText.Extract(Encoding.UTF8.GetBytes(body), Key);

    [Theory]
    [InlineData("""{"error":{"message":"Invalid API key.","type":"invalid_request_error"}}""", "Invalid API key.")] // OpenAI
    [InlineData("""{"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","code":404}""", "The model `x` does not exist.")] // vLLM
    [InlineData("""{"error":"model 'qwen3:8b' not found, try pulling it first"}""", "model 'qwen3:8b' not found, try pulling it first")] // Ollama
    [InlineData("""{"detail":"Not Found"}""", "Not Found")] // FastAPI
    [InlineData("""{"detail":[{"loc":["body","top_k"],"msg":"Input should be a valid integer"},{"loc":["body","n"],"msg":"too big"}]}""", "Input should be a valid integer; too big")]
    [InlineData("<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>", "502 Bad Gateway")] // nginx
    [InlineData("upstream connect error\n  or disconnect/reset before headers", "upstream connect error or disconnect/reset before headers")] // envoy, plain text
    [InlineData("""{"code":7,"status":"PERMISSION_DENIED"}""", """{"code":7,"status":"PERMISSION_DENIED"}""")] // other JSON: shown as it is
    public void The_message_is_found_in_each_servers_shape(string body, string expected) => Assert.Equal(expected, Extract(body));

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("""{"error":{"message":"   "}}""")]
    public void An_empty_message_is_none(string body) => Assert.Null(Extract(body));

    [Fact]
    public void The_key_a_server_echoes_is_redacted()
    {
        var text = Extract($$$"""{"error":{"message":"Incorrect API key provided: {{{Key}}}."}}""");
        Assert.Equal("Incorrect API key provided: [redacted].", text);
    }

    [Fact]
    public void A_huge_body_becomes_one_bounded_line()
    {
        var text = Extract("{\"error\":{\"message\":\"" + string.Concat(Enumerable.Repeat("very long\\n", 5000)) + "\"}}")!;
        Assert.True(text.Length <= ServerErrorText.MaxLength, $"{text.Length} characters");
        Assert.DoesNotContain('\n', text);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }
}
