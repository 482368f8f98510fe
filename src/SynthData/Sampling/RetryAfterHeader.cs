using System.ClientModel.Primitives;
using System.Globalization;

namespace SynthData.Sampling;

/// <summary>The server's <c>Retry-After</c> (seconds or HTTP date) or <c>retry-after-ms</c>; null when it sent neither.</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(PipelineResponseHeaders headers)
    {
        if (headers.TryGetValue("retry-after-ms", out var ms) &&
            double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var msValue))
            return TimeSpan.FromMilliseconds(msValue);
        if (!headers.TryGetValue("retry-after", out var ra) || ra is null)
            return null;
        if (double.TryParse(ra, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(ra, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
            return when - DateTimeOffset.UtcNow;
        return null;
    }
}
