namespace SynthData.Logic.Families.TowerOfHanoi;

/// <summary>
/// The optimal Tower of Hanoi solution from any legal position to "every disk on the target peg": the largest disk
/// not yet on the target must move there once, so the smaller ones first gather on the third peg (recursively), then
/// it moves, then they follow. This is the unique shortest solution for every start position.
/// </summary>
public static class HanoiSolver
{
    /// <summary>Moves (from peg, to peg) for <paramref name="pegOf"/>[d] = peg of disk d+1 (disk 1 is the smallest).</summary>
    public static List<(int From, int To)> Solve(int[] pegOf, int target)
    {
        var pegs = (int[])pegOf.Clone();
        var moves = new List<(int, int)>();
        Gather(pegs, pegs.Length, target, moves);
        return moves;
    }

    private static void Gather(int[] pegs, int disks, int target, List<(int, int)> moves)
    {
        for (var k = disks; k >= 1; k--)
        {
            if (pegs[k - 1] == target)
                continue;
            var spare = 3 - pegs[k - 1] - target;
            Gather(pegs, k - 1, spare, moves);
            moves.Add((pegs[k - 1], target));
            pegs[k - 1] = target;
            Gather(pegs, k - 1, target, moves);
            return;
        }
    }
}
