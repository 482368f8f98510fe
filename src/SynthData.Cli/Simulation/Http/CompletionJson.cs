using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SynthData.Cli.Simulation.Model;

namespace SynthData.Cli.Simulation.Http;

/// <summary>OpenAI wire format for chat completions (JSON bodies and SSE chunks), errors and the model list.</summary>
internal static class CompletionJson
{
    /// <summary>Pieces of this many tokens make one streamed delta.</summary>
    private const int TokensPerDelta = 4;

    // Relaxed escaping keeps "<think>" readable on the wire, as real servers send it.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Completion(RenderedCompletion c, string? padding = null) => Write(w =>
    {
        Header(w, c, "chat.completion");
        if (padding is not null)
            w.WriteString("x_padding", padding);
        w.WriteStartArray("choices");
        foreach (var choice in c.Choices)
        {
            w.WriteStartObject();
            w.WriteNumber("index", choice.Index);
            w.WriteStartObject("message");
            w.WriteString("role", "assistant");
            w.WriteString("content", choice.Content);
            if (choice.Reasoning is not null)
                w.WriteString("reasoning_content", choice.Reasoning);
            w.WriteEndObject();
            w.WriteNull("logprobs");
            w.WriteString("finish_reason", choice.FinishReason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteUsage(w, c);
        w.WriteEndObject();
    });

    /// <summary>The SSE events of a streamed completion, ending with the usage chunk (when asked) and <c>[DONE]</c>.</summary>
    public static List<byte[]> Chunks(RenderedCompletion c, bool includeUsage, string? padding = null)
    {
        var events = new List<byte[]>();
        foreach (var choice in c.Choices)
        {
            events.Add(Chunk(c, includeUsage, choice.Index, role: true, null, null, padding: events.Count == 0 ? padding : null));
            foreach (var piece in SimpleTokenizer.Pieces(choice.Reasoning ?? string.Empty, TokensPerDelta))
                events.Add(Chunk(c, includeUsage, choice.Index, role: false, "reasoning_content", piece));
            foreach (var piece in SimpleTokenizer.Pieces(choice.Content ?? string.Empty, TokensPerDelta))
                events.Add(Chunk(c, includeUsage, choice.Index, role: false, "content", piece));
            events.Add(Chunk(c, includeUsage, choice.Index, role: false, null, null, finishReason: choice.FinishReason));
        }
        if (includeUsage)
        {
            events.Add(Event(Write(w =>
            {
                Header(w, c, "chat.completion.chunk");
                w.WriteStartArray("choices");
                w.WriteEndArray();
                WriteUsage(w, c);
                w.WriteEndObject();
            })));
        }
        events.Add(Done);
        return events;
    }

    public static byte[] Done { get; } = "data: [DONE]\n\n"u8.ToArray();

    /// <summary>One content delta for choice 0 (used to slip a corrupted piece into a stream).</summary>
    public static byte[] ContentDelta(RenderedCompletion c, bool includeUsage, string piece) =>
        Chunk(c, includeUsage, 0, role: false, "content", piece);

    public static byte[] Error(string message, string type, string? code, string? param = null) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("error");
        w.WriteString("message", message);
        w.WriteString("type", type);
        w.WriteString("param", param);
        w.WriteString("code", code);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static byte[] Models(string model) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("object", "list");
        w.WriteStartArray("data");
        w.WriteStartObject();
        w.WriteString("id", model);
        w.WriteString("object", "model");
        w.WriteNumber("created", 0);
        w.WriteString("owned_by", "synthdata-simulator");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static byte[] Chunk(RenderedCompletion c, bool includeUsage, int index, bool role, string? field, string? piece,
        string? finishReason = null, string? padding = null) => Event(Write(w =>
    {
        Header(w, c, "chat.completion.chunk");
        if (padding is not null)
            w.WriteString("x_padding", padding);
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", index);
        w.WriteStartObject("delta");
        if (role)
        {
            w.WriteString("role", "assistant");
            w.WriteString("content", string.Empty);
        }
        if (field is not null)
            w.WriteString(field, piece);
        w.WriteEndObject();
        w.WriteNull("logprobs");
        w.WriteString("finish_reason", finishReason);
        w.WriteEndObject();
        w.WriteEndArray();
        if (includeUsage)
            w.WriteNull("usage");
        w.WriteEndObject();
    }));

    /// <summary>Opens the object and writes the fields every completion and chunk starts with.</summary>
    private static void Header(Utf8JsonWriter w, RenderedCompletion c, string objectType)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("object", objectType);
        w.WriteNumber("created", c.Created);
        w.WriteString("model", c.Model);
        w.WriteString("system_fingerprint", "simulated");
    }

    private static void WriteUsage(Utf8JsonWriter w, RenderedCompletion c)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", c.PromptTokens);
        w.WriteNumber("completion_tokens", c.CompletionTokens);
        w.WriteNumber("total_tokens", c.PromptTokens + c.CompletionTokens);
        w.WriteEndObject();
    }

    private static byte[] Event(byte[] json)
    {
        var e = new byte[json.Length + 8];
        "data: "u8.CopyTo(e);
        json.CopyTo(e, 6);
        e[^2] = (byte)'\n';
        e[^1] = (byte)'\n';
        return e;
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
            body(w);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Replaces the first occurrence of an ASCII marker in <paramref name="bytes"/>.</summary>
    public static byte[] ReplaceMarker(byte[] bytes, string marker, ReadOnlySpan<byte> replacement)
    {
        var m = Encoding.ASCII.GetBytes(marker);
        var at = bytes.AsSpan().IndexOf(m);
        if (at < 0)
            return bytes;
        return [.. bytes.AsSpan(0, at), .. replacement, .. bytes.AsSpan(at + m.Length)];
    }
}
