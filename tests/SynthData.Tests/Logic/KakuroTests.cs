using System.Text.Json.Nodes;
using SynthData.Common;
using SynthData.Logic;
using SynthData.Logic.Families.Kakuro;

namespace SynthData.Tests.Logic;

public sealed class KakuroTests() : LogicFamilyContract(new KakuroFamily())
{
    private static readonly string[] Digits = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];

    protected override string Corrupt(LogicPuzzle puzzle, SeededRandom rng)
    {
        var givens = GridTestKit.Grid(puzzle.Instance["givens"]!);
        var rows = GridTestKit.Rows(puzzle);
        return GridTestKit.CorruptOneCell(puzzle, rng, Digits, (r, c) => rows[r][c] == "#" || givens[r][c] != 0);
    }

    // Layout (hand-made):  # . .  /  . . .  /  . . #  with (1,2) given as 1.
    // Runs: across r1 (1,2)-(1,3) = 3, r2 (2,1)-(2,3) = 6, r3 (3,1)-(3,2) = 3; down c1 (2,1)-(3,1) = 3,
    // c2 (1,2)-(3,2) = 6, c3 (1,3)-(2,3) = 3. By hand: (1,2)=1 forces (1,3)=2, (2,3)=1; column 2 is {1,2,3} so
    // (3,2)=2, (2,2)=3; then (3,1)=1 and (2,1)=2, and row 2 is 2+3+1 = 6. Without the given, swapping 1 and 2
    // everywhere is a second solution.
    private static JsonObject HandInstance(bool withGiven) => new()
    {
        ["family"] = "kakuro", ["rows"] = 3, ["cols"] = 3,
        ["runs"] = JsonNode.Parse("[[1,0,1,2,3],[1,1,0,3,6],[1,2,0,2,3],[0,1,0,2,3],[0,0,1,3,6],[0,0,2,2,3]]"),
        ["givens"] = JsonNode.Parse(withGiven ? "[[0,1,0],[0,0,0],[0,0,0]]" : "[[0,0,0],[0,0,0],[0,0,0]]"),
    };

    [Fact]
    public void A_hand_solved_board_is_accepted_and_wrong_answers_are_rejected()
    {
        var instance = HandInstance(withGiven: true);
        var right = Family.Check(instance, "```\n# 1 2\n2 3 1\n1 2 #\n```");
        Assert.True(right.Accepted, right.Reason);
        Assert.Equal(1.0, right.Score);
        // The mirror solution satisfies every run but changes the given.
        var mirror = Family.Check(instance, "```\n# 2 1\n1 3 2\n2 1 #\n```");
        Assert.False(mirror.Accepted);
        Assert.Equal(0, mirror.Score);
        // (2,2) = 4 breaks row 2 (sum 7) and column 2 (sum 7): 4 of 6 runs hold.
        var wrong = Family.Check(instance, "```\n# 1 2\n2 4 1\n1 2 #\n```");
        Assert.False(wrong.Accepted);
        Assert.Equal(4.0 / 6, wrong.Score, 9);
        // (3,1) = 2 keeps the column sum wrong and repeats 2 in row 3: 4 of 6 runs hold (row 3 and column 1 broken).
        var repeat = Family.Check(instance, "```\n# 1 2\n2 3 1\n2 2 #\n```");
        Assert.False(repeat.Accepted);
        Assert.Equal(4.0 / 6, repeat.Score, 9);
        Assert.Equal(0, Family.Check(instance, "```\n1 1 2\n2 3 1\n1 2 #\n```").Score); // digit on a black cell
        Assert.Equal(0, Family.Check(instance, "```\n# 1 2\n2 # 1\n1 2 #\n```").Score); // white cell left black
    }

    [Fact]
    public void The_solver_finds_the_hand_counted_number_of_solutions()
    {
        Assert.Equal(1, KakuroSolver.Count(KakuroBoard.FromJson(HandInstance(true)), 5, out var one));
        Assert.Equal([[0, 1, 2], [2, 3, 1], [1, 2, 0]], one[0]);
        Assert.Equal(2, KakuroSolver.Count(KakuroBoard.FromJson(HandInstance(false)), 5, out _));
    }

    [Fact]
    public void Generated_boards_have_one_solution_and_every_white_cell_in_a_run()
    {
        for (var level = 1; level <= 5; level++)
            for (var seed = 0; seed < 30; seed++)
            {
                var board = KakuroBoard.FromJson(Make(Family, seed, level).Instance);
                Assert.Equal(1, KakuroSolver.Count(board, 3, out _));
            }
    }

    [Theory]
    [InlineData(", ", "#")]
    [InlineData(" | ", ".")]
    [InlineData("", "x")]
    public void Other_separators_and_black_markers_are_accepted(string separator, string black)
    {
        foreach (var level in new[] { 1, 5 })
        {
            var puzzle = Make(Family, 5, level);
            var rows = GridTestKit.Rows(puzzle).Select(r => r.Select(t => t == "#" ? black : t));
            var text = "<think>try</think>Answer:\n```text\n" + string.Join('\n', rows.Select(r => "[" + string.Join(separator, r) + "]")) + "\n```";
            var verdict = Family.Check(puzzle.Instance, text);
            Assert.True(verdict.Accepted, verdict.Reason);
        }
    }
}
