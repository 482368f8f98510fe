using System.Collections;
using System.Globalization;
using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace SynthData.Config;

/// <summary>
/// Binds a YAML node tree onto options classes by snake_case property names, strictly: unknown keys and wrong
/// types are errors with their line, never silently ignored. Records where each key was seen so validation
/// errors found later can point at the right line too.
/// </summary>
internal sealed class YamlBinder(string file)
{
    private readonly List<ConfigError> _errors = [];
    private readonly Dictionary<string, YamlDotNet.Core.Mark> _marks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    public IReadOnlyList<ConfigError> Errors => _errors;

    public T Bind<T>(YamlMappingNode root) where T : new()
    {
        var target = new T();
        BindObject(root, target, "");
        return target;
    }

    /// <summary>Where <paramref name="path"/> (or its nearest ancestor) appears in the file.</summary>
    public (int Line, int Column) Locate(string path)
    {
        for (var p = path; ; p = Parent(p))
        {
            if (_marks.TryGetValue(p, out var mark))
                return ((int)mark.Line, (int)mark.Column);
            if (p.Length == 0)
                return (0, 0);
        }
    }

    /// <summary>A validation error, dropped when the same key already failed to bind.</summary>
    public void AddValidationError(string path, string message)
    {
        if (_failed.Contains(path))
            return;
        AddError(path, message);
    }

    public void AddError(string path, string message)
    {
        var (line, column) = Locate(path);
        _errors.Add(new ConfigError(file, line, column, path, message));
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }

    private void BindObject(YamlMappingNode node, object target, string path)
    {
        var properties = target.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<ConfigIgnoreAttribute>() is null)
            .ToDictionary(p => SnakeCase.From(p.Name), StringComparer.Ordinal);

        foreach (var (keyNode, valueNode) in node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            _marks[childPath] = keyNode.Start;
            if (!properties.TryGetValue(key, out var property))
            {
                _marks[childPath] = keyNode.Start;
                var hint = NearestKey.Find(key, properties.Keys) is { } near ? $"did you mean '{near}'? " : "";
                AddError(childPath, $"unknown key; {hint}(expected one of: {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))})");
                continue;
            }

            if (TryConvert(valueNode, property.PropertyType, childPath, property.GetValue(target), out var value))
                property.SetValue(target, value);
        }
    }

    private bool TryConvert(YamlNode node, Type type, string path, object? existing, out object? value)
    {
        value = null;
        var underlying = Nullable.GetUnderlyingType(type);
        if (node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } nullScalar && IsNull(nullScalar.Value))
        {
            if (underlying is not null || !type.IsValueType)
                return true;
            return Fail(node, path, $"expected {Describe(type)}, got null");
        }

        var target = underlying ?? type;
        if (target == typeof(string))
        {
            if (node is YamlScalarNode s)
            {
                value = s.Value ?? "";
                return true;
            }

            return Fail(node, path, "expected a text value");
        }

        if (target.IsPrimitive || target.IsEnum)
            return node is YamlScalarNode scalar
                ? TryConvertScalar(scalar, target, path, out value)
                : Fail(node, path, $"expected {Describe(target)}");

        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (node is not YamlSequenceNode seq)
                return Fail(node, path, "expected a list");
            var itemType = target.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(target)!;
            var i = 0;
            foreach (var item in seq.Children)
            {
                var itemPath = $"{path}[{i++}]";
                _marks[itemPath] = item.Start;
                if (TryConvert(item, itemType, itemPath, null, out var itemValue))
                    list.Add(itemValue);
            }

            value = list;
            return true;
        }

        if (target.IsClass)
        {
            if (node is not YamlMappingNode map)
                return Fail(node, path, "expected a mapping of keys to values");
            var obj = existing ?? Activator.CreateInstance(target)!;
            BindObject(map, obj, path);
            value = obj;
            return true;
        }

        return Fail(node, path, $"unsupported option type {target.Name}");
    }

    private bool TryConvertScalar(YamlScalarNode scalar, Type type, string path, out object? value)
    {
        var text = scalar.Value ?? "";
        value = null;
        var inv = CultureInfo.InvariantCulture;
        bool ok;
        if (type == typeof(bool))
        {
            ok = text is "true" or "false" or "True" or "False" or "yes" or "no";
            value = text is "true" or "True" or "yes";
        }
        else if (type == typeof(int))
        {
            ok = int.TryParse(text, NumberStyles.Integer, inv, out var v);
            value = v;
        }
        else if (type == typeof(long))
        {
            ok = long.TryParse(text, NumberStyles.Integer, inv, out var v);
            value = v;
        }
        else if (type == typeof(double))
        {
            ok = double.TryParse(text, NumberStyles.Float, inv, out var v) && double.IsFinite(v);
            value = v;
        }
        else if (type.IsEnum)
        {
            var names = Enum.GetNames(type).ToDictionary(SnakeCase.From, n => n, StringComparer.Ordinal);
            ok = names.TryGetValue(text.Trim().ToLowerInvariant(), out var name);
            value = ok ? Enum.Parse(type, name!) : null;
            if (!ok)
                return Fail(scalar, path, $"expected one of: {string.Join(", ", names.Keys)}; got '{text}'");
        }
        else
        {
            return Fail(scalar, path, $"unsupported option type {type.Name}");
        }

        return ok || Fail(scalar, path, $"expected {Describe(type)}, got '{text}'");
    }

    private static bool IsNull(string? text) => text is null or "" or "~" or "null" or "Null" or "NULL";

    private bool Fail(YamlNode node, string path, string message)
    {
        _failed.Add(path);
        _errors.Add(new ConfigError(file, (int)node.Start.Line, (int)node.Start.Column, path, message));
        return false;
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ => type.Name,
    };
}
