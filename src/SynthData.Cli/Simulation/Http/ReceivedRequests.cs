using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynthData.Cli.Simulation.Http;

/// <summary>The chat request bodies the simulator received, in arrival order: lets tests assert exactly what a client sent.</summary>
public sealed class ReceivedRequests
{
    private readonly ConcurrentQueue<JsonObject> _bodies = new();

    public IReadOnlyList<JsonObject> Bodies => [.. _bodies];

    internal void Add(JsonElement body)
    {
        if (JsonNode.Parse(body.GetRawText()) is JsonObject o)
            _bodies.Enqueue(o);
    }
}
