using System.Globalization;
using System.Text;

namespace SynthData.Cli.Simulation.Faults;

/// <summary>
/// Which faults the simulated endpoint injects, parsed from the <c>--faults</c> / <c>model.faults</c> text:
/// a comma-separated list of <c>kind=rate</c> (rate is a probability per request, the rates add up to at most 1) and
/// <c>outage=START_S:DURATION_S[:503|drop]</c> items (seconds since the endpoint started; several are allowed).
/// Example: <c>429=0.1,500=0.05,hang=0.02,outage=30:10</c>.
/// </summary>
public sealed class FaultSpec
{
    private const string OutageKey = "outage";

    private readonly Dictionary<FaultKind, double> _rates;

    private FaultSpec(Dictionary<FaultKind, double> rates, IReadOnlyList<OutageWindow> outages)
    {
        _rates = rates;
        Outages = outages;
        TotalRate = rates.Values.Sum();
    }

    public static FaultSpec None { get; } = new([], []);

    public IReadOnlyDictionary<FaultKind, double> Rates => _rates;

    public IReadOnlyList<OutageWindow> Outages { get; }

    /// <summary>Probability that a request (outside an outage) is faulted at all.</summary>
    public double TotalRate { get; }

    public double RateOf(FaultKind kind) => _rates.GetValueOrDefault(kind);

    /// <summary>Parses a spec; <c>null</c>, empty or blank text means no faults.</summary>
    /// <exception cref="FormatException">An item is malformed; the message names it.</exception>
    public static FaultSpec Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return None;

        var rates = new Dictionary<FaultKind, double>();
        var outages = new List<OutageWindow>();
        foreach (var raw in text.Split(','))
        {
            var item = raw.Trim();
            if (item.Length == 0)
                throw new FormatException($"Fault spec '{text}' has an empty item (two commas in a row, or a trailing comma).");
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                throw Bad(item, "expected kind=rate, e.g. 429=0.1");
            var key = item[..eq].Trim();
            var value = item[(eq + 1)..].Trim();

            if (key.Equals(OutageKey, StringComparison.OrdinalIgnoreCase))
            {
                outages.Add(ParseOutage(item, value));
                continue;
            }
            if (!FaultKindNames.TryParse(key, out var kind))
                throw Bad(item, $"unknown fault kind '{key}'; known kinds: {string.Join(", ", FaultKindNames.All.Select(k => k.ToWire()))}, {OutageKey}");
            if (rates.ContainsKey(kind))
                throw Bad(item, $"fault kind '{kind.ToWire()}' is given twice");
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !(rate is >= 0 and <= 1))
                throw Bad(item, $"rate '{value}' is not a number between 0 and 1");
            rates[kind] = rate;
        }

        var total = rates.Values.Sum();
        if (total > 1 + 1e-9)
            throw new FormatException($"Fault spec '{text}': the rates add up to {total.ToString(CultureInfo.InvariantCulture)}, more than 1.");
        return new FaultSpec(rates, outages);
    }

    /// <summary>The fault for a request, given a uniform draw in [0, 1); <c>null</c> when the request is served normally.</summary>
    public FaultKind? Pick(double uniform)
    {
        var cumulative = 0.0;
        foreach (var kind in FaultKindNames.All)
        {
            cumulative += RateOf(kind);
            if (uniform < cumulative)
                return kind;
        }
        return null;
    }

    public OutageWindow? OutageAt(TimeSpan elapsed) => Outages.FirstOrDefault(o => o.Contains(elapsed));

    /// <summary>The canonical spec text, which <see cref="Parse"/> reads back to an equal spec.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var kind in FaultKindNames.All.Where(_rates.ContainsKey))
            Append(sb, $"{kind.ToWire()}={_rates[kind].ToString("R", CultureInfo.InvariantCulture)}");
        foreach (var o in Outages)
        {
            var mode = o.Mode == OutageMode.Drop ? ":drop" : string.Empty;
            Append(sb, FormattableString.Invariant($"{OutageKey}={o.Start.TotalSeconds:R}:{o.Duration.TotalSeconds:R}{mode}"));
        }
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string item) => sb.Append(sb.Length == 0 ? string.Empty : ",").Append(item);

    private static OutageWindow ParseOutage(string item, string value)
    {
        var parts = value.Split(':');
        if (parts.Length is < 2 or > 3)
            throw Bad(item, "expected outage=START_S:DURATION_S or outage=START_S:DURATION_S:drop");
        if (!TrySeconds(parts[0], out var start) || start < 0)
            throw Bad(item, $"outage start '{parts[0]}' is not a number of seconds >= 0");
        if (!TrySeconds(parts[1], out var duration) || duration <= 0)
            throw Bad(item, $"outage duration '{parts[1]}' is not a number of seconds > 0");
        var mode = OutageMode.ServiceUnavailable;
        if (parts.Length == 3)
        {
            mode = parts[2].Trim().ToLowerInvariant() switch
            {
                "503" => OutageMode.ServiceUnavailable,
                "drop" => OutageMode.Drop,
                _ => throw Bad(item, $"outage mode '{parts[2]}' is neither 503 nor drop"),
            };
        }
        return new OutageWindow(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(duration), mode);
    }

    private static bool TrySeconds(string text, out double seconds) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds)
        && double.IsFinite(seconds) && seconds < TimeSpan.MaxValue.TotalSeconds / 2;

    private static FormatException Bad(string item, string why) => new($"Fault spec item '{item}': {why}.");
}
