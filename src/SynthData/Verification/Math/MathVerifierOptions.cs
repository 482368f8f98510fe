using System.ComponentModel.DataAnnotations;

namespace SynthData.Verification.Math;

/// <summary>Settings of <see cref="MathAnswerChecker"/>; validate with <see cref="Validate"/> or the options pipeline.</summary>
public sealed class MathVerifierOptions
{
    /// <summary>
    /// When a response has no boxed, anchored ("the answer is", "####") or standalone answer, take its last number.
    /// Off by default: on free-form reasoning the last number is often an intermediate value (a false accept risk).
    /// </summary>
    public bool LastNumberFallback { get; set; }

    /// <summary>Hard deadline for one check, on any thread. A check that runs out is judged not equivalent.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Relative tolerance for values that cannot be compared exactly (radicals, pi, trig, logs):
    /// |a - b| &lt;= tolerance * max(|a|, |b|). Relative, so tiny values are never rounded to zero.
    /// </summary>
    [Range(1e-15, 1e-3)]
    public double RelativeTolerance { get; set; } = 1e-9;

    /// <summary>
    /// A decimal literal that rounds an exact value (0.333333 for 1/3, 3.14159 for pi) is accepted only when it is the
    /// correctly rounded value at its own number of places and has at least this many significant digits; so
    /// 0.33 or 3.14 never pass for 1/3 or pi. The default 6 is about as lenient as Math-Verify's six decimal places.
    /// 0 disables the rule, making decimals exact (0.333333 is then not 1/3).
    /// </summary>
    [Range(0, 30)]
    public int RoundedDecimalMinSignificantDigits { get; set; } = 6;

    /// <summary>Points at which expressions with variables are evaluated and must agree.</summary>
    [Range(3, 64)]
    public int RandomPoints { get; set; } = 6;

    internal MathVerifierOptions Copy() => (MathVerifierOptions)MemberwiseClone();

    /// <summary>Throws <see cref="ValidationException"/> naming the first invalid setting.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
