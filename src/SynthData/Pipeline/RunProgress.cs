namespace SynthData.Pipeline;

/// <summary>A snapshot for progress displays.</summary>
public sealed record RunProgress(int SamplesToRequest, int SamplesCompleted, int Accepted, int Rejected, int RequestErrors, int Requests);
