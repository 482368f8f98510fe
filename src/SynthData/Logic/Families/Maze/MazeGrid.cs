using SynthData.Logic.Search;

namespace SynthData.Logic.Families.Maze;

/// <summary>A maze drawing: '#' wall, '.' open, 'S' start, 'G' goal; BFS distances over open cells.</summary>
public sealed class MazeGrid
{
    public string[] Rows { get; }

    public int Height => Rows.Length;

    public int Width => Rows[0].Length;

    public (int R, int C) Start { get; }

    public (int R, int C) Goal { get; }

    public MazeGrid(string[] rows, string field)
    {
        if (rows.Length is < 3 or > 64 || rows.Any(r => r.Length != rows[0].Length) || rows[0].Length is < 3 or > 64
            || rows.Any(r => r.Any(c => c is not ('#' or '.' or 'S' or 'G'))))
            throw new LogicInstanceException(field, "3 to 64 equal rows of '#', '.', 'S', 'G'");
        Rows = rows;
        var cells = rows.SelectMany((row, r) => row.Select((ch, c) => (ch, r, c))).ToList();
        if (cells.Count(x => x.ch == 'S') != 1 || cells.Count(x => x.ch == 'G') != 1)
            throw new LogicInstanceException(field, "exactly one S and one G");
        Start = cells.Where(x => x.ch == 'S').Select(x => (x.r, x.c)).Single();
        Goal = cells.Where(x => x.ch == 'G').Select(x => (x.r, x.c)).Single();
    }

    public bool Open(int r, int c) => r >= 0 && c >= 0 && r < Height && c < Width && Rows[r][c] != '#';

    /// <summary>Shortest path from S to G as directions (first direction in Up, Down, Left, Right order wins ties).</summary>
    public List<Direction>? ShortestPath()
    {
        var dist = new int[Height, Width];
        foreach (var i in Enumerable.Range(0, Height))
            foreach (var j in Enumerable.Range(0, Width))
                dist[i, j] = -1;
        var queue = new Queue<(int, int)>([Goal]);
        dist[Goal.R, Goal.C] = 0;
        while (queue.Count > 0)
        {
            var (r, c) = queue.Dequeue();
            foreach (var d in Directions.All)
            {
                var (nr, nc) = (r + d.DRow(), c + d.DCol());
                if (Open(nr, nc) && dist[nr, nc] < 0)
                {
                    dist[nr, nc] = dist[r, c] + 1;
                    queue.Enqueue((nr, nc));
                }
            }
        }
        if (dist[Start.R, Start.C] < 0)
            return null;
        var path = new List<Direction>();
        var (pr, pc) = Start;
        while ((pr, pc) != Goal)
        {
            var step = Directions.All.First(d => Open(pr + d.DRow(), pc + d.DCol()) && dist[pr + d.DRow(), pc + d.DCol()] == dist[pr, pc] - 1);
            path.Add(step);
            (pr, pc) = (pr + step.DRow(), pc + step.DCol());
        }
        return path;
    }
}
