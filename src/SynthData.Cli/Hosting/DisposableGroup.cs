namespace SynthData.Cli.Hosting;

/// <summary>Disposes whichever of the given objects are disposable (verifiers own sandboxes and threads; most own nothing).</summary>
internal sealed class DisposableGroup(IEnumerable<object> items) : IDisposable
{
    public void Dispose()
    {
        foreach (var item in items)
            (item as IDisposable)?.Dispose();
    }
}
