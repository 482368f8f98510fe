namespace SynthData.Logic.Grids;

/// <summary>
/// Counts the constraints an answer satisfies and remembers the first one it breaks, so that a check reports the
/// fraction satisfied as partial credit and names a concrete broken rule.
/// </summary>
public sealed class ConstraintTally
{
    private int _total;
    private int _satisfied;
    private string? _firstBroken;

    public void Add(bool satisfied, Func<string> describe)
    {
        _total++;
        if (satisfied)
            _satisfied++;
        else
            _firstBroken ??= describe();
    }

    public LogicCheck Verdict() => _satisfied == _total
        ? LogicCheck.Pass($"all {_total} constraints hold")
        : LogicCheck.Fail($"{_total - _satisfied} of {_total} constraints broken, e.g. {_firstBroken}",
            _total == 0 ? 0 : (double)_satisfied / _total);
}
