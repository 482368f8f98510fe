namespace SynthData.Logic;

/// <summary>Every logic family, in listing order. Adding a family is one line here.</summary>
public static class LogicFamilies
{
    public static IReadOnlyList<ILogicFamily> All { get; } =
    [
        // search and planning
        // constraint grids
        new Families.Sudoku.SudokuFamily(),
        // deduction and arithmetic search
        new Families.Countdown.CountdownFamily(),
    ];

    public static ILogicFamily? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
