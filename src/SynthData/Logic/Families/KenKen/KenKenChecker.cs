using System.Text.Json.Nodes;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.KenKen;

/// <summary>
/// Checks a KenKen answer by the rules: each row and column holds 1..N once and each cage makes its target with its
/// operation (one constraint each). One-cell cages are givens; the puzzle has one solution.
/// </summary>
public static class KenKenChecker
{
    public static LogicCheck Check(JsonObject instance, string response)
    {
        var n = GridJson.Int(instance, "n", 2, 9);
        var cages = Cages(instance, n);
        var grid = GridAnswer.Read(response, n, n, CellReaders.Digits(1, n), out var failure);
        if (grid is null)
            return failure;
        var tally = new ConstraintTally();
        LatinRules.AddRowsAndColumns(tally, grid);
        foreach (var (cage, index) in cages.Select((c, i) => (c, i)))
        {
            var values = cage.Cells.Select(c => grid[c / n][c % n]).ToArray();
            tally.Add(cage.Holds(values), () => $"cage {KenKenFamily.Label(index)} ({cage.Target}{cage.Op}) has {string.Join(",", values)}");
        }
        return tally.Verdict();
    }

    /// <summary>"cages": [{"op": "+", "target": 7, "cells": [[row, col], ...]}] with 1-based cells covering the grid once.</summary>
    public static List<KenKenCage> Cages(JsonObject instance, int n)
    {
        var covered = new bool[n * n];
        var cages = new List<KenKenCage>();
        try
        {
            foreach (var node in instance["cages"]?.AsArray() ?? throw new FormatException())
            {
                var o = node!.AsObject();
                var op = o["op"]!.GetValue<string>();
                var target = o["target"]!.GetValue<int>();
                var cells = GridJson.IntLists(o, "cells", 1, n).Select(p => p.Length == 2 ? (p[0] - 1) * n + p[1] - 1 : throw new FormatException()).ToArray();
                if (op.Length != 1 || !KenKenCage.Ops.Contains(op[0]) || cells.Length == 0 || cells.Any(c => covered[c]))
                    throw new FormatException();
                foreach (var c in cells)
                    covered[c] = true;
                cages.Add(new KenKenCage(op[0], target, cells));
            }
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or NullReferenceException or LogicInstanceException)
        {
            throw new LogicInstanceException("cages", "objects {op, target, cells: [[row, column], ...]} that do not overlap");
        }
        if (covered.Any(c => !c))
            throw new LogicInstanceException("cages", "cages covering every cell");
        return cages;
    }
}
