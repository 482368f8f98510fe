using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Deduction;

namespace SynthData.Logic.Families.Zebra;

/// <summary>
/// Einstein's zebra puzzle: K houses in a row, M attributes, each value in exactly one house. Clues true of a hidden
/// solution are added until the solver proves it unique, then clues are dropped while it stays unique, so none is
/// redundant. Levels grow the grid: 3x3, 4x3, 4x4, 5x4, 5x5.
/// </summary>
public sealed class ZebraFamily : ILogicFamily
{
    private static readonly (string Attribute, string Phrase, string[] Values)[] Catalogue =
    [
        ("color", "the owner of the {0} house", ["red", "green", "blue", "yellow", "white"]),
        ("nationality", "the {0}", ["Brit", "Swede", "Dane", "Norwegian", "German"]),
        ("drink", "the {0} drinker", ["tea", "coffee", "milk", "beer", "water"]),
        ("pet", "the {0} owner", ["dog", "cat", "bird", "fish", "horse"]),
        ("hobby", "the person who enjoys {0}", ["chess", "painting", "reading", "running", "singing"]),
    ];

    public string Name => "zebra";

    public string Description => "Zebra (Einstein) puzzle: place every attribute value in its house from the clues";

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var (houses, attributes) = Math.Clamp(difficulty, 1, 5) switch
        {
            1 => (3, 3),
            2 => (4, 3),
            3 => (4, 4),
            4 => (5, 4),
            _ => (5, 5),
        };
        var chosen = Enumerable.Range(0, Catalogue.Length).ToList();
        rng.Shuffle(chosen);
        chosen = chosen.Take(attributes).Order().ToList();
        var values = chosen.Select(a =>
        {
            var pool = Catalogue[a].Values.ToList();
            rng.Shuffle(pool);
            return pool.Take(houses).ToArray();
        }).ToArray();
        // houseOf[a * houses + v]: the house of value v of attribute a.
        var houseOf = new int[houses * attributes];
        for (var a = 0; a < attributes; a++)
        {
            var perm = Enumerable.Range(0, houses).ToList();
            rng.Shuffle(perm);
            for (var v = 0; v < houses; v++)
                houseOf[a * houses + v] = perm[v];
        }
        var clues = new List<ZebraClue>();
        while (ZebraSolver.Count(houses, attributes, clues, 2) != 1)
            clues.Add(TrueClue(rng, houses, attributes, houseOf));
        // Drop clues the others already imply, trying them in a random order.
        var order = Enumerable.Range(0, clues.Count).ToList();
        rng.Shuffle(order);
        var kept = Enumerable.Repeat(true, clues.Count).ToArray();
        foreach (var index in order)
        {
            kept[index] = false;
            if (ZebraSolver.Count(houses, attributes, clues.Where((_, i) => kept[i]).ToList(), 2) != 1)
                kept[index] = true;
        }
        clues = clues.Where((_, i) => kept[i]).ToList();
        rng.Shuffle(clues);
        return Build(houses, chosen, values, houseOf, clues);
    }

    public LogicCheck Check(JsonObject instance, string response) => ZebraChecker.Check(instance, response);

    private static ZebraClue TrueClue(SeededRandom rng, int houses, int attributes, int[] houseOf)
    {
        while (true)
        {
            var x = (int)rng.Next(0, houseOf.Length - 1);
            var y = (int)rng.Next(0, houseOf.Length - 1);
            if (x / houses == y / houses)
                continue;
            var roll = rng.NextDouble();
            var relation = roll switch
            {
                < 0.30 => ZebraRelation.SameHouse,
                < 0.45 => ZebraRelation.NextTo,
                < 0.60 => ZebraRelation.DirectlyLeftOf,
                < 0.72 => ZebraRelation.SomewhereLeftOf,
                < 0.85 => ZebraRelation.DifferentHouse,
                _ => ZebraRelation.InHouse,
            };
            var clue = relation == ZebraRelation.InHouse ? new ZebraClue(relation, x, houseOf[x]) : new ZebraClue(relation, x, y);
            if (clue.Holds(houseOf))
                return clue;
        }
    }

    private LogicPuzzle Build(int houses, List<int> chosen, string[][] values, int[] houseOf, List<ZebraClue> clues)
    {
        string Item(int i) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Catalogue[chosen[i / houses]].Phrase, values[i / houses][i % houses]);
        var text = clues.Select(c => c.Relation switch
        {
            ZebraRelation.SameHouse => $"{Item(c.X)} lives in the same house as {Item(c.Y)}.",
            ZebraRelation.DifferentHouse => $"{Item(c.X)} does not live in the same house as {Item(c.Y)}.",
            ZebraRelation.NextTo => $"{Item(c.X)} lives next to {Item(c.Y)}.",
            ZebraRelation.DirectlyLeftOf => $"{Item(c.X)} lives directly left of {Item(c.Y)}.",
            ZebraRelation.SomewhereLeftOf => $"{Item(c.X)} lives somewhere to the left of {Item(c.Y)}.",
            _ => $"{Item(c.X)} lives in house {c.Y + 1}.",
        }).Select(s => char.ToUpperInvariant(s[0]) + s[1..]).ToList();
        var attributeNames = chosen.Select(a => Catalogue[a].Attribute).ToList();
        var solution = values.Select((vs, a) => vs.Select((_, v) => houseOf[a * houses + v] + 1));
        var instance = new JsonObject
        {
            ["family"] = Name,
            ["houses"] = houses,
            ["attributes"] = InstanceFields.Array(attributeNames),
            ["values"] = new JsonArray(values.Select(vs => (JsonNode?)InstanceFields.Array(vs)).ToArray()),
            ["solution"] = InstanceFields.Rows(solution),
            ["clues"] = InstanceFields.Array(text),
        };
        var body = new StringBuilder();
        for (var h = 0; h < houses; h++)
        {
            var inHouse = values.Select((vs, a) => vs.Where((_, v) => houseOf[a * houses + v] == h).Single());
            body.Append($"House {h + 1}: ").AppendJoin(", ", inHouse).Append('\n');
        }
        return new LogicPuzzle(ZebraChecker.Prompt(houses, attributeNames, values, text), instance,
            "Only this arrangement satisfies every clue.\n\n" + LogicAnswer.Fenced(body.ToString()));
    }
}
