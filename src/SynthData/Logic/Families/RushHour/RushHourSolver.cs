using SynthData.Logic.Search;

namespace SynthData.Logic.Families.RushHour;

/// <summary>A vehicle on the 6x6 board: fixed lane (row if horizontal, column if vertical) and length.</summary>
public readonly record struct Vehicle(bool Horizontal, int Lane, int Length);

/// <summary>
/// Rush Hour positions as one ulong: 3 bits per vehicle holding its offset along its lane (vehicle 0 is the red car
/// X). A move slides one vehicle any number of cells along its lane and counts as one move.
/// </summary>
public sealed class RushHourSolver(IReadOnlyList<Vehicle> vehicles)
{
    public const int Size = 6;
    public const int ExitRow = 2;
    public const int GoalOffset = Size - 2;

    public IReadOnlyList<Vehicle> Vehicles { get; } = vehicles;

    public static int Offset(ulong state, int vehicle) => (int)((state >> (3 * vehicle)) & 7);

    public static ulong With(ulong state, int vehicle, int offset) =>
        (state & ~(7UL << (3 * vehicle))) | ((ulong)offset << (3 * vehicle));

    public static bool Solved(ulong state) => Offset(state, 0) == GoalOffset;

    public ulong Cover(int vehicle, int offset)
    {
        var v = Vehicles[vehicle];
        ulong mask = 0;
        for (var k = 0; k < v.Length; k++)
            mask |= 1UL << (v.Horizontal ? v.Lane * Size + offset + k : (offset + k) * Size + v.Lane);
        return mask;
    }

    public ulong Occupancy(ulong state)
    {
        ulong occ = 0;
        for (var i = 0; i < Vehicles.Count; i++)
            occ |= Cover(i, Offset(state, i));
        return occ;
    }

    public static int MoveCode(int vehicle, int delta) => vehicle * 16 + delta + 8;

    public static (int Vehicle, int Delta) DecodeMove(int code) => (code / 16, code % 16 - 8);

    public void Expand(ulong state, List<(ulong Next, int Move)> successors)
    {
        var occ = Occupancy(state);
        for (var i = 0; i < Vehicles.Count; i++)
        {
            var offset = Offset(state, i);
            var others = occ & ~Cover(i, offset);
            foreach (var step in (ReadOnlySpan<int>)[-1, 1])
            {
                for (var to = offset + step; to >= 0 && to + Vehicles[i].Length <= Size; to += step)
                {
                    if ((Cover(i, to) & others) != 0)
                        break;
                    successors.Add((With(state, i, to), MoveCode(i, to - offset)));
                }
            }
        }
    }

    public static Direction DirectionOf(Vehicle v, int delta) =>
        v.Horizontal ? (delta > 0 ? Direction.Right : Direction.Left) : (delta > 0 ? Direction.Down : Direction.Up);
}
