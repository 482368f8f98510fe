using SynthData.Problems.Datasets;

namespace SynthData.Tests.Problems.Datasets;

public sealed class MbppEntryPointTests
{
    [Theory]
    [InlineData("def sum(a, b):\n    return a + b\n", "assert sum(10,15) == 6", "sum")]
    [InlineData("def helper(x):\n    return x\ndef similar_elements(a, b):\n    return tuple(set(a) & set(b))\n",
        "assert set(similar_elements((3, 4), (5, 4))) == set((4, 5))", "similar_elements")]
    [InlineData("import math\nclass Pair:\n    def area(self):\n        pass\ndef max_chain(arr, n):\n    return 1\n",
        "assert max_chain([Pair(5, 24)], 1) == 1", "max_chain")]
    public void The_reference_function_the_first_assert_calls(string code, string firstAssert, string expected) =>
        Assert.Equal(expected, MbppEntryPoint.Find(code, firstAssert));

    [Theory]
    [InlineData(null, "assert f(1) == 1")]
    [InlineData("def g(x):\n    return x\n", "assert f(1) == 1")]
    [InlineData("def f(x):\n    return x\n", "assert obj.f(1) == 1")]
    [InlineData("class A:\n    def f(self):\n        pass\n", "assert f(1) == 1")]
    public void None_when_the_reference_defines_no_function_the_assert_calls(string? code, string firstAssert) =>
        Assert.Null(MbppEntryPoint.Find(code, firstAssert));
}
