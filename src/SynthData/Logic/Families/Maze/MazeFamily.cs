using System.Text;
using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic.Search;

namespace SynthData.Logic.Families.Maze;

/// <summary>
/// Grid mazes: a perfect maze carved by randomised depth-first search on a k x k lattice of rooms (drawn as a
/// (2k+1)-square grid), with extra walls knocked out at higher levels so that several routes exist; S and G are
/// placed far apart (G is the room farthest from S). The answer is any shortest route.
/// </summary>
public sealed class MazeFamily : ILogicFamily
{
    private static readonly (int Rooms, int ExtraOpenings)[] Levels = [(3, 0), (5, 1), (7, 3), (9, 5), (11, 8)];

    public string Name => "maze";

    public string Description => "Grid maze: the shortest route from S to G as a U/D/L/R string, checked by walking it";

    public LogicPuzzle Generate(SeededRandom rng, int difficulty)
    {
        var (k, extra) = Levels[Math.Clamp(difficulty, 1, Levels.Length) - 1];
        var n = 2 * k + 1;
        var grid = new char[n, n];
        for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++)
                grid[r, c] = '#';
        Carve(rng, grid, k);
        for (var opened = 0; opened < extra;)
        {
            // A wall cell between two rooms (odd row, even column or the reverse), not on the border.
            var (r, c) = (rng.Next(1, n - 2), rng.Next(1, n - 2));
            if ((r + c) % 2 == 1 && grid[r, c] == '#')
            {
                grid[r, c] = '.';
                opened++;
            }
        }
        var start = (R: 2 * rng.Next(0, k - 1) + 1, C: 2 * rng.Next(0, k - 1) + 1);
        var goal = Farthest(grid, n, start);
        grid[start.R, start.C] = 'S';
        grid[goal.R, goal.C] = 'G';
        var rows = Enumerable.Range(0, n).Select(r => new string(Enumerable.Range(0, n).Select(c => grid[r, c]).ToArray())).ToArray();
        var path = new MazeGrid(rows, "maze").ShortestPath()!;
        var instance = new JsonObject { ["family"] = "maze", ["maze"] = InstanceFields.Array(rows), ["optimal"] = path.Count };
        var prompt = new StringBuilder()
            .AppendLine($"Maze. In the {n}x{n} grid below '#' is a wall, '.' is open, S is the start and G the goal (row 1 is the top):")
            .AppendLine("```").AppendLine(string.Join('\n', rows)).AppendLine("```")
            .AppendLine("Each step moves one cell up (U), down (D), left (L) or right (R) onto a non-wall cell. "
                + "Find a shortest route from S to G.")
            .AppendLine("Answer format: the steps as one string of the letters U, D, L, R (for example `RRDDL`), "
                + "inside a final fenced code block (```).")
            .ToString();
        var reference = $"A shortest route takes {path.Count} steps (breadth-first search).\n" + LogicAnswer.Fenced(MoveLetters.Format(path));
        return new LogicPuzzle(prompt, instance, reference);
    }

    public LogicCheck Check(JsonObject instance, string response) => MazeChecker.Check(instance, response);

    private static void Carve(SeededRandom rng, char[,] grid, int k)
    {
        var visited = new bool[k, k];
        var stack = new Stack<(int, int)>();
        stack.Push((0, 0));
        visited[0, 0] = true;
        grid[1, 1] = '.';
        while (stack.Count > 0)
        {
            var (r, c) = stack.Peek();
            var options = Directions.All.Select(d => (R: r + d.DRow(), C: c + d.DCol()))
                .Where(p => p.R >= 0 && p.C >= 0 && p.R < k && p.C < k && !visited[p.R, p.C]).ToList();
            if (options.Count == 0)
            {
                stack.Pop();
                continue;
            }
            var next = options[rng.Next(0, options.Count - 1)];
            visited[next.R, next.C] = true;
            grid[2 * next.R + 1, 2 * next.C + 1] = '.';
            grid[r + next.R + 1, c + next.C + 1] = '.'; // the wall between the two rooms
            stack.Push(next);
        }
    }

    private static (int R, int C) Farthest(char[,] grid, int n, (int R, int C) from)
    {
        var dist = new Dictionary<(int, int), int> { [from] = 0 };
        var queue = new Queue<(int R, int C)>([from]);
        var last = from;
        while (queue.Count > 0)
        {
            var (r, c) = last = queue.Dequeue();
            foreach (var d in Directions.All)
            {
                var next = (r + d.DRow(), c + d.DCol());
                if (grid[next.Item1, next.Item2] != '#' && dist.TryAdd(next, dist[(r, c)] + 1))
                    queue.Enqueue(next);
            }
        }
        return last;
    }
}
