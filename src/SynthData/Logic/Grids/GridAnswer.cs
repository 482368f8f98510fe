namespace SynthData.Logic.Grids;

/// <summary>The first steps of every grid check: find the answer block and read a grid from it.</summary>
public static class GridAnswer
{
    /// <summary>The grid in <paramref name="response"/>, or null with <paramref name="failure"/> saying why.</summary>
    public static int[][]? Read(string response, int rows, int cols, GridParser.CellReader cell, out LogicCheck failure)
    {
        var grid = GridParser.Parse(LogicAnswer.Extract(response), rows, cols, cell, out var error);
        failure = grid is null ? LogicCheck.Fail(error) : LogicCheck.Pass();
        return grid;
    }
}
