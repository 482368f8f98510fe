using System.ComponentModel.DataAnnotations;
using SynthData.Verification.Math;

namespace SynthData.Tests.Verification.Math;

public sealed class MathVerifierOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        var options = new MathVerifierOptions();
        options.Validate();
        Assert.Equal(TimeSpan.FromSeconds(2), options.Timeout);
        Assert.False(options.LastNumberFallback);
    }

    [Theory]
    [InlineData(nameof(MathVerifierOptions.Timeout))]
    [InlineData(nameof(MathVerifierOptions.RelativeTolerance))]
    [InlineData(nameof(MathVerifierOptions.RandomPoints))]
    public void Invalid_settings_are_rejected_by_name(string property)
    {
        var options = new MathVerifierOptions();
        switch (property)
        {
            case nameof(MathVerifierOptions.Timeout): options.Timeout = TimeSpan.Zero; break;
            case nameof(MathVerifierOptions.RelativeTolerance): options.RelativeTolerance = 0.5; break;
            default: options.RandomPoints = 1; break;
        }
        var error = Assert.Throws<ValidationException>(() => new MathAnswerChecker(options));
        Assert.Contains(property, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rounded_decimals_can_be_made_exact()
    {
        var strict = new MathAnswerChecker(new MathVerifierOptions { RoundedDecimalMinSignificantDigits = 0 });
        Assert.False(strict.Check(@"\frac{1}{3}", "0.333333").Equivalent);
        Assert.True(new MathAnswerChecker().Check(@"\frac{1}{3}", "0.333333").Equivalent);
        var lenient = new MathAnswerChecker(new MathVerifierOptions { RoundedDecimalMinSignificantDigits = 4 });
        Assert.True(lenient.Check(@"\frac{1}{3}", "0.3333").Equivalent);
        Assert.False(new MathAnswerChecker().Check(@"\frac{1}{3}", "0.3333").Equivalent);
    }

    [Fact]
    public void Last_number_fallback_reaches_the_checker()
    {
        const string response = "Adding 3 and 4 gives\n7 apples in total, which we count carefully";
        Assert.Equal(MathCheckOutcome.NoAnswer, new MathAnswerChecker().Check("7", response).Outcome);
        Assert.True(new MathAnswerChecker(new MathVerifierOptions { LastNumberFallback = true }).Check("7", response).Equivalent);
    }
}
