namespace SynthData.Logic;

/// <summary>Every logic family, in listing order. Adding a family is one line here.</summary>
public static class LogicFamilies
{
    public static IReadOnlyList<ILogicFamily> All { get; } =
    [
        // search and planning
        new Families.Klotski.KlotskiFamily(),
        new Families.SlidingPuzzle.SlidingPuzzleFamily(),
        new Families.RushHour.RushHourFamily(),
        new Families.Sokoban.SokobanFamily(),
        new Families.TowerOfHanoi.HanoiFamily(),
        new Families.WaterJugs.WaterJugsFamily(),
        new Families.Maze.MazeFamily(),
        new Families.Tsp.TspFamily(),
        // constraint grids
        new Families.Sudoku.SudokuFamily(),
        new Families.NQueens.NQueensFamily(),
        new Families.Futoshiki.FutoshikiFamily(),
        new Families.Skyscrapers.SkyscrapersFamily(),
        new Families.KenKen.KenKenFamily(),
        new Families.Binairo.BinairoFamily(),
        new Families.Minesweeper.MinesweeperFamily(),
        new Families.Nonogram.NonogramFamily(),
        new Families.Kakuro.KakuroFamily(),
        // deduction and arithmetic search
        new Families.Countdown.CountdownFamily(),
        new Families.Game24.Game24Family(),
        new Families.Cryptarithm.CryptarithmFamily(),
        new Families.KnightsAndKnaves.KnightsAndKnavesFamily(),
        new Families.Zebra.ZebraFamily(),
        new Families.GraphColoring.GraphColoringFamily(),
        new Families.Sat.SatFamily(),
    ];

    public static ILogicFamily? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
