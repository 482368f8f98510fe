using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Grids;

namespace SynthData.Logic.Families.Minesweeper;

/// <summary>
/// Minesweeper deduction: mines are placed at random, a random share of the safe cells is revealed with its count,
/// and the question lists covered cells whose status the solver proves forced by the numbers alone (every consistent
/// placement agrees), at least one mine and one safe cell where possible. Higher levels have larger grids, more mines
/// and more asked cells. The instance stores the grid, the asked cells and the forced mines among them.
/// </summary>
public sealed class MinesweeperFamily : ILogicFamily
{
    public string Name => "minesweeper";

    public string Description => "Minesweeper deduction (4x4 to 8x8): which listed covered cells are forced mines";

    private static readonly (int Rows, int Cols, int Mines, double Reveal, int Ask)[] Levels =
        [(4, 4, 3, 0.6, 3), (5, 5, 5, 0.6, 4), (6, 6, 7, 0.55, 5), (7, 7, 10, 0.55, 6), (8, 8, 13, 0.5, 8)];

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var (rows, cols, mineCount, reveal, ask) = Levels[Math.Clamp(difficulty, 1, 5) - 1];
        while (true)
        {
            var cells = Enumerable.Range(0, rows * cols).ToList();
            rng.Shuffle(cells);
            var mine = new bool[rows * cols];
            foreach (var m in cells.Take(mineCount))
                mine[m] = true;
            var grid = Enumerable.Range(0, rows).Select(_ => Enumerable.Repeat(-1, cols).ToArray()).ToArray();
            foreach (var cell in cells.Skip(mineCount))
                if (rng.Chance(reveal))
                    grid[cell / cols][cell % cols] = MinesweeperSolver.Neighbours(rows, cols, cell / cols, cell % cols).Count(n => mine[n]);
            var solver = new MinesweeperSolver(grid, budget: 200_000);
            var truth = solver.Frontier.Select(f => mine[f] ? 1 : 0).ToArray();
            var status = solver.Determine(truth);
            if (status is null)
                continue;
            var forcedMines = Enumerable.Range(0, status.Length).Where(v => status[v] == 1).ToList();
            var forcedSafe = Enumerable.Range(0, status.Length).Where(v => status[v] == 0).ToList();
            if (forcedMines.Count + forcedSafe.Count < ask)
                continue;
            rng.Shuffle(forcedMines);
            rng.Shuffle(forcedSafe);
            var chosen = new List<int>();
            if (forcedMines.Count > 0)
                chosen.Add(forcedMines[0]);
            if (forcedSafe.Count > 0)
                chosen.Add(forcedSafe[0]);
            var rest = forcedMines.Skip(1).Concat(forcedSafe.Skip(1)).ToList();
            rng.Shuffle(rest);
            chosen.AddRange(rest.Take(ask - chosen.Count));
            var asked = chosen.Select(v => solver.Frontier[v]).Order().ToList();
            var mines = asked.Where(a => mine[a]).ToList();
            var instance = new JsonObject
            {
                ["family"] = Name,
                ["rows"] = rows,
                ["cols"] = cols,
                ["grid"] = GridJson.ToJson(grid),
                ["asked"] = Pairs(asked, cols),
                ["mines"] = Pairs(mines, cols),
            };
            var body = mines.Count == 0 ? "none" : string.Join('\n', mines.Select(m => Coord(m, cols)));
            return new LogicPuzzle(Prompt(grid, asked, cols), instance,
                $"The revealed numbers force {mines.Count} of the {asked.Count} asked cells to be mines.\n" + LogicAnswer.Fenced(body));
        }
    }

    public LogicCheck Check(JsonObject instance, string response) => MinesweeperChecker.Check(instance, response);

    private static JsonArray Pairs(IEnumerable<int> cells, int cols) =>
        new(cells.Select(c => (JsonNode)GridJson.ToJson([c / cols + 1, c % cols + 1])).ToArray());

    private static string Coord(int cell, int cols) => string.Create(CultureInfo.InvariantCulture, $"{cell / cols + 1},{cell % cols + 1}");

    private static string Prompt(int[][] grid, List<int> asked, int cols)
    {
        var sb = new StringBuilder();
        foreach (var row in grid)
            sb.AppendLine(string.Join(' ', row.Select(v => v < 0 ? "?" : v.ToString(CultureInfo.InvariantCulture))));
        return $"""
            This is a Minesweeper position on a {grid.Length}x{cols} grid. A ? is a covered cell (it may or may not hold a
            mine); a digit is a revealed cell, which never holds a mine, and tells how many of its up to 8 neighbours
            (horizontally, vertically and diagonally adjacent cells) are mines. The total number of mines is not given.
            Rows are numbered 1 to {grid.Length} from the top, columns 1 to {cols} from the left.

            {sb.ToString().TrimEnd()}

            The revealed numbers alone determine, for each of these covered cells (row,col), whether it is a mine:
            {string.Join(' ', asked.Select(a => Coord(a, cols)))}

            Which of these listed cells are mines? Give the answer inside a final fenced code block (```): the mine cells
            as row,col one per line (for example 2,3), or the single word none if no listed cell is a mine.
            """;
    }
}
