namespace SynthData.Config;

/// <summary>One problem with a config file, located by line and key.</summary>
public sealed record ConfigError(string File, int Line, int Column, string Key, string Message)
{
    public override string ToString() =>
        (Line > 0 ? $"{File}:{Line}:{Column}: " : $"{File}: ") + (Key.Length > 0 ? $"{Key}: " : "") + Message;
}

/// <summary>The config could not be loaded; <see cref="Exception.Message"/> lists every error, one per line.</summary>
public sealed class ConfigException(IReadOnlyList<ConfigError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;
}
