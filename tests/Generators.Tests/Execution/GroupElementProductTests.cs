namespace SymmetryDsl.Generators.Tests.Execution;

/// <summary>Products and inverses of group elements built from known components, checked against hand-computed components.</summary>
public class GroupElementProductTests
{
    private const string Source = """
        using System;
        using SymmetryDsl;

        namespace Models;

        public partial class Ring
        {
            [Permutation, Translation(Period = 1)] public double[] X = [];
        }

        public partial class Grid
        {
            [Permutation, Translation(Period = 1)] public double[,] P = new double[0, 0];
        }

        public partial class Torus
        {
            [Permutation, Translation(Period = 1)] public double[][] Q = [];
        }

        public static class Probe
        {
            public static string Results()
            {
                // g moves 0 → 1 → 2 → 0 and h moves 0 → 2 → 1 → 0, so g·h is the identity permutation. Particle i
                // gets h's shift at i, moves to h(i), and then gets g's shift there: [1 + 30, 2 + 10, 3 + 20].
                var g = new Ring.GroupElement(new Permutation([1, 2, 0]), [10, 20, 30]);
                var h = new Ring.GroupElement(new Permutation([2, 0, 1]), [1, 2, 3]);

                // Rows of width 2 move as blocks: particle 0 goes to row 1 under the inner element, particle 1 to row 0.
                var rowsOuter = new Grid.GroupElement(new Permutation([1, 0]), [1, 2, 3, 4]);
                var rowsInner = new Grid.GroupElement(new Permutation([1, 0]), [10, 20, 30, 40]);

                // Jagged rows of width 3 move as blocks like matrix rows. 3 shifts for 2 particles fit no row width.
                var jaggedOuter = new Torus.GroupElement(new Permutation([1, 0]), [1, 2, 3, 4, 5, 6]);
                var jaggedInner = new Torus.GroupElement(new Permutation([1, 0]), [10, 20, 30, 40, 50, 60]);
                var jaggedMalformed = new Torus.GroupElement(new Permutation([1, 0]), [1, 2, 3]);

                var malformed = new Ring.GroupElement(new Permutation([1, 0]), [5]);
                var huge = new Ring.GroupElement(Permutation.Identity(1), [long.MaxValue]);

                return string.Join("\n",
                    g.Compose(h).ToString(),
                    g.Inverse().ToString(),
                    rowsOuter.Compose(rowsInner).ToString(),
                    rowsOuter.Inverse().ToString(),
                    Failure(() => malformed.Inverse()),
                    Failure(() => huge.Compose(huge)),
                    jaggedOuter.Compose(jaggedInner).ToString(),
                    jaggedOuter.Inverse().ToString(),
                    Failure(() => jaggedMalformed.Inverse()),
                    Failure(() => jaggedMalformed.Compose(jaggedMalformed)));
            }

            private static string Failure(Func<object> action)
            {
                try
                {
                    return "no exception: " + action();
                }
                catch (Exception e)
                {
                    return e.GetType().Name + ": " + e.Message;
                }
            }
        }
        """;

    [Fact]
    public void ComponentsMatchHandComputation()
    {
        var lines = ((string)ProbeAssembly.Call(Source, "Models.Probe", "Results")!).Split('\n');

        Assert.Equal("{ XPermutation = [0, 1, 2], XShifts = [31, 12, 23] }", lines[0]);
        Assert.Equal("{ XPermutation = [2, 0, 1], XShifts = [-30, -10, -20] }", lines[1]);
        Assert.Equal("{ PPermutation = [0, 1], PShifts = [13, 24, 31, 42] }", lines[2]);
        Assert.Equal("{ PPermutation = [1, 0], PShifts = [-3, -4, -1, -2] }", lines[3]);
        Assert.StartsWith("InvalidOperationException: Group element component 'XShifts' has length 1, but 'XPermutation' acts on 2 particles", lines[4]);
        Assert.StartsWith("OverflowException", lines[5]);
        Assert.Equal("{ QPermutation = [0, 1], QShifts = [14, 25, 36, 41, 52, 63] }", lines[6]);
        Assert.Equal("{ QPermutation = [1, 0], QShifts = [-4, -5, -6, -1, -2, -3] }", lines[7]);
        Assert.StartsWith("InvalidOperationException: Group element component 'QShifts' has length 3, but 'QPermutation' acts on 2 particles", lines[8]);
        Assert.StartsWith("InvalidOperationException: Group element component 'QShifts' has length 3, but 'QPermutation' acts on 2 particles", lines[9]);
    }
}
