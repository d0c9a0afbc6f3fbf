namespace SymmetryDsl.Generators.Tests.Execution;

public class GroupElementTextTests
{
    private const string Source = """
        using SymmetryDsl;

        namespace Models;

        public partial class Swarm
        {
            [Permutation] public double[] X = [];
            [Translation(Period = 1)] public double Phase;
            [Translation(Period = 1)] public double[] Angles = [];
        }

        public static class Probe
        {
            // X must move 0 → 1, 1 → 2, 2 → 0; the phase needs one period up, the angles one down and none.
            public static string AlignmentText()
            {
                var x = new Swarm { X = [0.0, 1.0, 5.0], Phase = 0.1, Angles = [0.9, 0.5] };
                var y = new Swarm { X = [4.5, 0.2, 1.4], Phase = 0.95, Angles = [0.05, 0.5] };
                return Swarm.Align(x, y).ToString();
            }
        }
        """;

    [Fact]
    public void GroupElementPrintsItsComponents()
    {
        var text = (string)ProbeAssembly.Call(Source, "Models.Probe", "AlignmentText")!;

        Assert.Equal("{ XPermutation = [1, 2, 0], PhaseShift = 1, AnglesShifts = [-1, 0] }", text);
    }
}
