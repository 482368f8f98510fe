using System.Text.Json.Nodes;

namespace SynthData.Logic.Families.KnightsAndKnaves;

/// <summary>
/// What an islander claims, as a small tree. In an instance it is a JSON array: <c>["knight", 1]</c>,
/// <c>["knave", 1]</c>, <c>["same", 0, 2]</c>, <c>["different", 0, 2]</c>, <c>["knights", 2]</c> (exactly two of
/// us are knights), <c>["and", c, c]</c>, <c>["or", c, c]</c>, <c>["if", c, c]</c>.
/// </summary>
internal abstract record Claim
{
    /// <summary>Whether the claim is true when the islanders with a set bit in <paramref name="knights"/> are knights.</summary>
    public abstract bool Holds(int knights);

    public abstract string Render(IReadOnlyList<string> names);

    public abstract JsonArray ToJson();

    public static Claim FromJson(JsonNode? node, int people, string field, int depth = 0)
    {
        if (node is not JsonArray a || a.Count < 2 || depth > 8 || a[0] is not JsonValue kindNode || !kindNode.TryGetValue<string>(out var kind))
            throw new LogicInstanceException(field, "a claim array such as [\"knight\", 1]");
        int Person(int i) => a.Count > i && a[i] is JsonValue v && v.TryGetValue<int>(out var p) && p >= 0 && p < people
            ? p
            : throw new LogicInstanceException(field, $"a person index in [0, {people - 1}]");
        Claim Sub(int i) => a.Count > i ? FromJson(a[i], people, field, depth + 1) : throw new LogicInstanceException(field, "two sub-claims");
        return kind switch
        {
            "knight" => new IsKnight(Person(1), true),
            "knave" => new IsKnight(Person(1), false),
            "same" => new SameKind(Person(1), Person(2), true),
            "different" => new SameKind(Person(1), Person(2), false),
            "knights" => a[1] is JsonValue c && c.TryGetValue<int>(out var count) && count >= 0 && count <= people
                ? new KnightCount(count, people)
                : throw new LogicInstanceException(field, "a knight count"),
            "and" or "or" or "if" => new Connective(kind, Sub(1), Sub(2)),
            _ => throw new LogicInstanceException(field, "a claim kind knight|knave|same|different|knights|and|or|if"),
        };
    }
}

internal sealed record IsKnight(int Person, bool Knight) : Claim
{
    public override bool Holds(int knights) => ((knights >> Person) & 1) == 1 == Knight;
    public override string Render(IReadOnlyList<string> names) => $"{names[Person]} is a {(Knight ? "knight" : "knave")}";
    public override JsonArray ToJson() => [Knight ? "knight" : "knave", Person];
}

internal sealed record SameKind(int A, int B, bool Same) : Claim
{
    public override bool Holds(int knights) => (((knights >> A) ^ (knights >> B)) & 1) == 0 == Same;
    public override string Render(IReadOnlyList<string> names) =>
        Same ? $"{names[A]} and {names[B]} are the same kind" : $"{names[A]} and {names[B]} are different kinds";
    public override JsonArray ToJson() => [Same ? "same" : "different", A, B];
}

internal sealed record KnightCount(int Count, int People) : Claim
{
    public override bool Holds(int knights) => int.PopCount(knights & ((1 << People) - 1)) == Count;
    public override string Render(IReadOnlyList<string> names) =>
        Count switch { 0 => "none of us is a knight", 1 => "exactly one of us is a knight", _ => $"exactly {Count} of us are knights" };
    public override JsonArray ToJson() => ["knights", Count];
}

internal sealed record Connective(string Kind, Claim Left, Claim Right) : Claim
{
    public override bool Holds(int knights) => Kind switch
    {
        "and" => Left.Holds(knights) && Right.Holds(knights),
        "or" => Left.Holds(knights) || Right.Holds(knights),
        _ => !Left.Holds(knights) || Right.Holds(knights),
    };

    public override string Render(IReadOnlyList<string> names) => Kind switch
    {
        "and" => $"{Left.Render(names)} and {Right.Render(names)}",
        "or" => $"{Left.Render(names)} or {Right.Render(names)} (or both)",
        _ => $"if {Left.Render(names)}, then {Right.Render(names)}",
    };

    public override JsonArray ToJson() => [Kind, Left.ToJson(), Right.ToJson()];
}
