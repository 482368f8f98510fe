using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Deduction;

namespace SynthData.Logic.Families.KnightsAndKnaves;

/// <summary>
/// Knights (always truthful) and knaves (always lying): a hidden assignment, then statements true for knights and
/// false for knaves, added until exhaustive search over every assignment proves exactly one fits. Levels add
/// islanders and richer claims (implications and counts from level 4). Every level needs compound claims: claims
/// that are only "X is a knight" or "X and Y are the same" are parity equations, which never force a unique answer.
/// </summary>
public sealed class KnightsAndKnavesFamily : ILogicFamily
{
    private static readonly string[] Names =
        ["Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Mallory", "Oscar", "Peggy", "Rupert", "Sybil", "Trent", "Victor", "Wendy"];

    public string Name => "knights_and_knaves";

    public string Description => "Knights and knaves: from the islanders' statements deduce who always tells the truth";

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var level = Math.Clamp(difficulty, 1, 5);
        var people = level + 1;
        while (true)
        {
            var names = Names.ToList();
            rng.Shuffle(names);
            names = names.Take(people).ToList();
            var knights = (int)rng.Next(0, (1 << people) - 1);
            var statements = new List<(int Speaker, Claim Claim)>();
            var speakers = Enumerable.Range(0, people).ToList();
            rng.Shuffle(speakers);
            // Everyone speaks once, then extra statements until the assignment is forced (at most 2 per person).
            for (var round = 0; round < 2 * people; round++)
            {
                var speaker = round < people ? speakers[round] : (int)rng.Next(0, people - 1);
                var claim = TrueOrFalseClaim(rng, level, people, speaker, ((knights >> speaker) & 1) == 1, knights);
                statements.Add((speaker, claim));
                if (round + 1 >= people && KnightsAndKnavesSolver.Count(people, statements, 2) == 1)
                    return Build(names, knights, statements);
            }
        }
    }

    public LogicCheck Check(JsonObject instance, string response) => KnightsAndKnavesChecker.Check(instance, response);

    // A claim whose truth under the hidden assignment is the speaker's honesty.
    private static Claim TrueOrFalseClaim(SeededRandom rng, int level, int people, int speaker, bool truthful, int knights)
    {
        while (true)
        {
            var claim = RandomClaim(rng, level, people, speaker, 1);
            if (claim.Holds(knights) == truthful)
                return claim;
        }
    }

    private static Claim RandomClaim(SeededRandom rng, int level, int people, int speaker, int depth)
    {
        int Other() => (int)rng.Next(0, people - 1);
        var kinds = level <= 2 ? 3 : 4;
        if (depth > 0 && rng.Chance(0.5))
        {
            var connective = level >= 4 ? rng.Pick(new[] { "and", "or", "if" }) : rng.Pick(new[] { "and", "or" });
            return new Connective(connective, RandomClaim(rng, level, people, speaker, 0), RandomClaim(rng, level, people, speaker, 0));
        }
        switch (rng.Next(0, kinds - 1))
        {
            case 0:
            case 1:
                var who = Other();
                return new IsKnight(who == speaker && rng.Chance(0.5) ? (who + 1) % people : who, rng.Chance(0.5));
            case 2:
                var a = Other();
                var b = (a + (int)rng.Next(1, people - 1)) % people;
                return new SameKind(a, b, rng.Chance(0.5));
            default:
                return level >= 4 ? new KnightCount((int)rng.Next(0, people), people) : new IsKnight(Other(), rng.Chance(0.5));
        }
    }

    private LogicPuzzle Build(List<string> names, int knights, List<(int Speaker, Claim Claim)> statements)
    {
        var instance = new JsonObject
        {
            ["family"] = Name,
            ["names"] = InstanceFields.Array(names),
            ["statements"] = new JsonArray(statements.Select(s => (JsonNode?)new JsonArray(s.Speaker, s.Claim.ToJson())).ToArray()),
            ["knights"] = InstanceFields.Array(Enumerable.Range(0, names.Count).Select(i => (knights >> i) & 1)),
        };
        var body = new StringBuilder();
        for (var i = 0; i < names.Count; i++)
            body.Append($"{names[i]}: {(((knights >> i) & 1) == 1 ? "knight" : "knave")}\n");
        return new LogicPuzzle(KnightsAndKnavesChecker.Prompt(names, statements), instance,
            "Only this assignment makes every knight's statement true and every knave's false.\n\n" + LogicAnswer.Fenced(body.ToString()));
    }
}
