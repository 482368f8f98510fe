using SynthData.Cli.Simulation.Faults;

namespace SynthData.Cli.Simulation;

/// <summary>Live, thread-safe counters of what the simulated endpoint has been asked and what it did.</summary>
public sealed class SimulatedEndpointStats
{
    private readonly long[] _faults = new long[FaultKindNames.All.Count];
    private long _requests;
    private long _answered;
    private long _completions;
    private long _promptTokens;
    private long _completionTokens;
    private long _outageRejections;
    private long _badRequests;
    private long _unknownPrompts;
    private long _modelListRequests;

    /// <summary><c>POST /v1/chat/completions</c> requests received, whatever became of them.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests given a complete, well-formed answer (including <c>slow</c> and <c>huge</c> ones); counted as the answer is sent.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Choices in answered requests.</summary>
    public long Completions => Interlocked.Read(ref _completions);

    /// <summary>Prompt tokens of answered requests.</summary>
    public long PromptTokens => Interlocked.Read(ref _promptTokens);

    /// <summary>Completion tokens of answered requests.</summary>
    public long CompletionTokens => Interlocked.Read(ref _completionTokens);

    /// <summary>Requests refused because they fell in a scripted outage (503 or dropped connection).</summary>
    public long OutageRejections => Interlocked.Read(ref _outageRejections);

    /// <summary>Requests answered with 400 (malformed body) or 401 (wrong API key).</summary>
    public long BadRequests => Interlocked.Read(ref _badRequests);

    /// <summary>Answered choices whose prompt matched no registered problem.</summary>
    public long UnknownPrompts => Interlocked.Read(ref _unknownPrompts);

    public long ModelListRequests => Interlocked.Read(ref _modelListRequests);

    /// <summary>Requests that were given this fault.</summary>
    public long Faults(FaultKind kind) => Interlocked.Read(ref _faults[(int)kind]);

    public long TotalFaults => Enumerable.Range(0, _faults.Length).Sum(i => Interlocked.Read(ref _faults[i]));

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountFault(FaultKind kind) => Interlocked.Increment(ref _faults[(int)kind]);

    internal void CountOutageRejection() => Interlocked.Increment(ref _outageRejections);

    internal void CountBadRequest() => Interlocked.Increment(ref _badRequests);

    internal void CountModelList() => Interlocked.Increment(ref _modelListRequests);

    internal void CountAnswer(int choices, long promptTokens, long completionTokens, int unknownPrompts)
    {
        Interlocked.Increment(ref _answered);
        Interlocked.Add(ref _completions, choices);
        Interlocked.Add(ref _promptTokens, promptTokens);
        Interlocked.Add(ref _completionTokens, completionTokens);
        Interlocked.Add(ref _unknownPrompts, unknownPrompts);
    }

    public override string ToString() =>
        $"requests={Requests} answered={Answered} completions={Completions} faults={TotalFaults} outage={OutageRejections} "
        + $"bad={BadRequests} unknown={UnknownPrompts} prompt_tokens={PromptTokens} completion_tokens={CompletionTokens}";
}
