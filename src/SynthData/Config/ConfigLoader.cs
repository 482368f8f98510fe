using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SynthData.Config;

/// <summary>
/// Loads and validates <c>pipeline.yaml</c>. Everything wrong with the file is reported at once, each error with
/// file, line, column and key, as a <see cref="ConfigException"/>.
/// </summary>
public static class ConfigLoader
{
    /// <summary>
    /// Checks a component adds for values whose grammar it owns (e.g. the simulator's fault spec): each returns
    /// (key path, message) pairs, reported together with the loader's own errors.
    /// </summary>
    public delegate IEnumerable<(string Key, string Message)> Check(PipelineOptions options);

    public static PipelineOptions Load(string path, params Check[] checks)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new ConfigException([new ConfigError(path, 0, 0, "", "config file not found (pass --config FILE or create pipeline.yaml)")]);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException([new ConfigError(path, 0, 0, "", $"cannot read: {e.Message}")]);
        }

        var options = Parse(text, path, checks);
        options.BaseDirectory = Path.GetDirectoryName(full)!;
        return options;
    }

    public static PipelineOptions Parse(string yaml, string fileName, params Check[] checks)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new ConfigException([new ConfigError(fileName, (int)e.Start.Line, (int)e.Start.Column, "", $"invalid YAML: {Inner(e).Message}")]);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet throws these for some malformed documents; the parser's position still says where.
            var at = parser.Current?.Start ?? Mark.Empty;
            throw new ConfigException([new ConfigError(fileName, (int)at.Line, (int)at.Column, "", $"invalid YAML: {e.Message}")]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ConfigException([new ConfigError(fileName, 1, 1, "", "expected a mapping with run/model/sources sections")]);
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            throw new ConfigException([new ConfigError(fileName, (int)second.Line, (int)second.Column, "", "expected one YAML document; a second one (after ---) would be ignored")]);
        }

        var binder = new YamlBinder(fileName);
        var options = binder.Bind<PipelineOptions>(root);
        // Validation runs even after binding errors, so every problem is reported at once; a key that failed to bind
        // keeps its default and is not validated again (that would report one mistake twice).
        ValidateTree(options, "", binder);
        foreach (var check in checks)
        {
            options.Locate = binder.Locate;
            foreach (var (key, message) in check(options))
                binder.AddValidationError(key, message);
        }

        if (binder.Errors.Count > 0)
            throw new ConfigException(binder.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
        options.ConfigPath = fileName;
        options.Locate = binder.Locate;
        return options;
    }

    private static Exception Inner(Exception e) => e.InnerException is YamlException inner ? Inner(inner) : e;

    /// <summary>DataAnnotations on every nested options object, with errors mapped back to YAML keys.</summary>
    private static void ValidateTree(object target, string path, YamlBinder binder)
    {
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Computed properties (e.g. OutputDirectory) are not config keys, and may not even be computable yet.
            if (!property.CanWrite || property.GetCustomAttribute<ConfigIgnoreAttribute>() is not null)
                continue;
            var key = Join(path, SnakeCase.From(property.Name));
            var value = property.GetValue(target);
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (!attribute.IsValid(value))
                    binder.AddValidationError(key, Describe(attribute, value));
            }
        }

        if (target is IValidatableObject validatable)
        {
            foreach (var r in validatable.Validate(new ValidationContext(target)))
            {
                var member = r.MemberNames.FirstOrDefault();
                binder.AddValidationError(member is null ? path : Join(path, SnakeCase.From(member)), r.ErrorMessage ?? "invalid value");
            }
        }

        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || property.GetCustomAttribute<ConfigIgnoreAttribute>() is not null || property.GetIndexParameters().Length > 0)
                continue;
            var value = property.GetValue(target);
            var childPath = Join(path, SnakeCase.From(property.Name));
            if (value is IList list)
            {
                for (var i = 0; i < list.Count; i++)
                    if (list[i] is { } item && IsOptionsClass(item.GetType()))
                        ValidateTree(item, $"{childPath}[{i}]", binder);
            }
            else if (value is not null && IsOptionsClass(value.GetType()))
            {
                ValidateTree(value, childPath, binder);
            }
        }
    }

    private static string Describe(ValidationAttribute attribute, object? value) => attribute switch
    {
        RangeAttribute r => $"must be between {r.Minimum} and {r.Maximum} (got {value})",
        RequiredAttribute => "is required",
        MinLengthAttribute m => $"must have at least {m.Length} character(s)",
        _ => attribute.FormatErrorMessage("value"),
    };

    private static bool IsOptionsClass(Type t) => t.IsClass && t != typeof(string) && (t.Namespace?.StartsWith("SynthData", StringComparison.Ordinal) ?? false);

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
