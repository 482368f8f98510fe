using SynthData.Cli.Simulation.Faults;

namespace SynthData.Tests.Simulation;

public sealed class FaultSpecTests
{
    [Fact]
    public void Parse_reads_rates_and_outages_and_round_trips()
    {
        var spec = FaultSpec.Parse(" 429=0.1, 500=0.05,hang=0.02 ,BadJson=0.01,outage=30:10,outage=60.5:2:drop");

        Assert.Equal(0.1, spec.RateOf(FaultKind.TooManyRequests));
        Assert.Equal(0.05, spec.RateOf(FaultKind.InternalServerError));
        Assert.Equal(0.02, spec.RateOf(FaultKind.Hang));
        Assert.Equal(0.01, spec.RateOf(FaultKind.BadJson));
        Assert.Equal(0, spec.RateOf(FaultKind.Reset));
        Assert.Equal(0.18, spec.TotalRate, 9);
        Assert.Equal(new OutageWindow(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), OutageMode.ServiceUnavailable), spec.Outages[0]);
        Assert.Equal(new OutageWindow(TimeSpan.FromSeconds(60.5), TimeSpan.FromSeconds(2), OutageMode.Drop), spec.Outages[1]);
        Assert.Equal("429=0.1,500=0.05,hang=0.02,badjson=0.01,outage=30:10,outage=60.5:2:drop", spec.ToString());
        Assert.Equal(spec.ToString(), FaultSpec.Parse(spec.ToString()).ToString());
    }

    [Fact]
    public void Every_kind_has_a_wire_name_that_parses_back()
    {
        foreach (var kind in FaultKindNames.All)
            Assert.Equal(kind, FaultSpec.Parse($"{kind.ToWire()}=1").Rates.Single().Key);
        Assert.Equal(Enum.GetValues<FaultKind>().Length, FaultKindNames.All.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_spec_means_no_faults(string? text)
    {
        var spec = FaultSpec.Parse(text);
        Assert.Equal(0, spec.TotalRate);
        Assert.Empty(spec.Outages);
        Assert.Null(spec.Pick(0));
    }

    [Theory]
    [InlineData("429=0.1,teapot=0.2", "'teapot=0.2'", "unknown fault kind")]
    [InlineData("429=abc", "'429=abc'", "not a number between 0 and 1")]
    [InlineData("500=1.5", "'500=1.5'", "not a number between 0 and 1")]
    [InlineData("500=-0.1", "'500=-0.1'", "not a number between 0 and 1")]
    [InlineData("hang", "'hang'", "expected kind=rate")]
    [InlineData("429=0.1,429=0.2", "'429=0.2'", "given twice")]
    [InlineData("429=0.6,500=0.6", "add up to 1.2", "more than 1")]
    [InlineData("429=0.1,,500=0.1", "empty item", "")]
    [InlineData("outage=10", "'outage=10'", "START_S:DURATION_S")]
    [InlineData("outage=-1:5", "'outage=-1:5'", "start")]
    [InlineData("outage=1:0", "'outage=1:0'", "duration")]
    [InlineData("outage=1:5:sometimes", "'outage=1:5:sometimes'", "neither 503 nor drop")]
    public void Bad_items_are_named_in_the_error(string text, string named, string why)
    {
        var error = Assert.Throws<FormatException>(() => FaultSpec.Parse(text));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pick_follows_the_rates()
    {
        var spec = FaultSpec.Parse("429=0.25,hang=0.25");
        Assert.Equal(FaultKind.TooManyRequests, spec.Pick(0.0));
        Assert.Equal(FaultKind.TooManyRequests, spec.Pick(0.2499));
        Assert.Equal(FaultKind.Hang, spec.Pick(0.25));
        Assert.Equal(FaultKind.Hang, spec.Pick(0.4999));
        Assert.Null(spec.Pick(0.5));
        Assert.Null(spec.Pick(0.9999));
    }

    [Fact]
    public void Outage_window_is_half_open()
    {
        var spec = FaultSpec.Parse("outage=2:3");
        Assert.Null(spec.OutageAt(TimeSpan.FromSeconds(1.99)));
        Assert.NotNull(spec.OutageAt(TimeSpan.FromSeconds(2)));
        Assert.NotNull(spec.OutageAt(TimeSpan.FromSeconds(4.99)));
        Assert.Null(spec.OutageAt(TimeSpan.FromSeconds(5)));
    }
}
