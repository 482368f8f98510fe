namespace SynthData.Logic.Families.Zebra;

/// <summary>The clue kinds: each relates the houses of two items (an item is one value of one attribute).</summary>
internal enum ZebraRelation { SameHouse, DifferentHouse, NextTo, DirectlyLeftOf, SomewhereLeftOf, InHouse }

/// <summary>
/// One clue over items <see cref="X"/> and <see cref="Y"/> (item = attribute * houses + value); for
/// <see cref="ZebraRelation.InHouse"/> <see cref="Y"/> is the house index.
/// </summary>
internal readonly record struct ZebraClue(ZebraRelation Relation, int X, int Y)
{
    /// <summary>Whether the clue holds when item i is in house <paramref name="houseOf"/>[i].</summary>
    public bool Holds(int[] houseOf) => Relation switch
    {
        ZebraRelation.SameHouse => houseOf[X] == houseOf[Y],
        ZebraRelation.DifferentHouse => houseOf[X] != houseOf[Y],
        ZebraRelation.NextTo => Math.Abs(houseOf[X] - houseOf[Y]) == 1,
        ZebraRelation.DirectlyLeftOf => houseOf[X] + 1 == houseOf[Y],
        ZebraRelation.SomewhereLeftOf => houseOf[X] < houseOf[Y],
        _ => houseOf[X] == Y,
    };

    /// <summary>Narrows the two items' house sets (bitmasks); false when one becomes empty.</summary>
    public bool Narrow(int[] domain, int full)
    {
        int x = domain[X], y = Relation == ZebraRelation.InHouse ? 0 : domain[Y];
        switch (Relation)
        {
            case ZebraRelation.InHouse:
                domain[X] = x & (1 << Y);
                return domain[X] != 0;
            case ZebraRelation.SameHouse:
                x &= y;
                y = x;
                break;
            case ZebraRelation.DifferentHouse:
                if (int.PopCount(x) == 1)
                    y &= ~x;
                if (int.PopCount(y) == 1)
                    x &= ~y;
                break;
            case ZebraRelation.NextTo:
                x &= ((y << 1) | (y >> 1)) & full;
                y &= ((x << 1) | (x >> 1)) & full;
                break;
            case ZebraRelation.DirectlyLeftOf:
                x &= y >> 1;
                y &= (x << 1) & full;
                break;
            case ZebraRelation.SomewhereLeftOf:
                if (x == 0 || y == 0)
                    return false;
                x &= (1 << (31 - int.LeadingZeroCount(y))) - 1;
                y &= full & ~((1 << (int.TrailingZeroCount(x | (1 << 30)) + 1)) - 1);
                break;
        }
        domain[X] = x;
        domain[Y] = y;
        return x != 0 && y != 0;
    }
}
