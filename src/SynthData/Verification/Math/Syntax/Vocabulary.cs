namespace SynthData.Verification.Math.Syntax;

/// <summary>Word lists the lexer uses to tell units, functions, Greek letters and set names apart.</summary>
internal static class Vocabulary
{
    /// <summary>Unit words dropped after a value (<c>5 \text{ cm}^2</c> is 5). Single letters only count inside \text.</summary>
    public static readonly HashSet<string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        "cm", "mm", "km", "m", "meter", "meters", "metre", "metres", "centimeter", "centimeters", "millimeter",
        "millimeters", "kilometer", "kilometers", "inch", "inches", "ft", "feet", "foot", "yd", "yard", "yards",
        "mile", "miles", "mi", "g", "gram", "grams", "kg", "kilogram", "kilograms", "mg", "lb", "lbs", "pound",
        "pounds", "ounce", "ounces", "oz", "ton", "tons", "l", "liter", "liters", "litre", "litres", "ml", "gallon",
        "gallons", "quart", "quarts", "pint", "pints", "cup", "cups", "s", "sec", "second", "seconds", "min",
        "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "dollar", "dollars", "cent", "cents", "euro", "euros", "degree", "degrees", "deg",
        "radian", "radians", "rad", "unit", "units", "square", "sq", "cubic", "mph", "kph", "km/h", "m/s",
        "mps", "fps", "point", "points", "times", "steps", "ways", "people", "persons", "students",
        "area", "volume", "length", "width", "height", "per", "each", "total", "usd", "acre", "acres", "hectare", "hectares",
        "kilowatt", "watts", "joules", "calories", "mm/s", "cm/s", "ft/s",
    };

    /// <summary>
    /// SI unit symbols, case-sensitive (N is newtons, n is not a unit): dropped after a value only inside
    /// <c>\mathrm{}</c>/<c>\text{}</c>, where no one writes a variable.
    /// </summary>
    public static readonly HashSet<string> UnitSymbols = new(StringComparer.Ordinal)
    {
        "N", "kN", "J", "kJ", "MJ", "W", "kW", "MW", "Wh", "kWh", "V", "kV", "mV", "Pa", "kPa", "MPa", "Hz", "kHz", "MHz",
        "K", "mol", "A", "mA", "Ohm", "eV", "m", "cm", "mm", "km", "s", "ms", "g", "kg", "mg", "L", "mL", "h", "min",
    };

    public static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
    {
        "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "arccot", "arcsec", "arccsc",
        "sinh", "cosh", "tanh", "coth", "log", "ln", "lg", "exp", "gcd", "lcm", "max", "min", "det", "sqrt",
    };

    public static readonly HashSet<string> Greek = new(StringComparer.Ordinal)
    {
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
        "kappa", "lambda", "mu", "nu", "xi", "rho", "varrho", "sigma", "tau", "upsilon", "phi", "varphi", "chi",
        "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
    };

    /// <summary>Wrappers whose argument is read as text or math depending on what it holds.</summary>
    public static readonly HashSet<string> TextWrappers = new(StringComparer.Ordinal)
    {
        "text", "textrm", "textup", "textnormal", "textsf", "textbf", "textit", "texttt", "mbox", "hbox", "emph",
        "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "boldsymbol", "bm", "operatorname", "mathnormal",
    };
}
