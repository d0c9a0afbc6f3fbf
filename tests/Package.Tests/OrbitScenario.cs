using System.Globalization;
using System.Text;

namespace SymmetryDsl.Package.Tests;

/// <summary>
/// The model consumer: a swarm of agents with 2-D positions and charges permuted together, and a phase of
/// period 1. It also computes the expected orbit distances by brute force, without the package.
/// </summary>
internal static class OrbitScenario
{
    public const int Agents = 5;
    public const int Dimension = 2;
    public const double Period = 1;

    /// <summary>One swarm state: Positions[agent, coordinate], Charges[agent] and Phase.</summary>
    public sealed record Swarm(double[,] Positions, double[] Charges, double Phase);

    /// <summary>The pairs (x, y) whose orbit distance the program prints; phases lie outside [0, 1) on purpose.</summary>
    public static IReadOnlyList<(Swarm X, Swarm Y)> Pairs { get; } = CreatePairs();

    /// <summary>Returns the consumer's source files: the model and a program that prints one line per pair.</summary>
    public static IReadOnlyDictionary<string, string> SourceFiles() => new Dictionary<string, string>
    {
        ["Swarm.cs"] = """
            using SymmetryDsl;

            namespace Consumer;

            public partial class Swarm
            {
                [Permutation(Group = "agents")] public double[,] Positions { get; set; } = new double[0, 0];
                [Permutation(Group = "agents")] public double[] Charges { get; set; } = [];
                [Translation(Period = 1)] public double Phase { get; set; }
            }
            """,
        ["Program.cs"] = ProgramSource(),
    };

    /// <summary>
    /// Computes d([x], [y]) = sqrt(min over σ of (1/n) Σᵢ ‖x_σ(i) − yᵢ‖² + circle distance of the phases²) by
    /// trying every permutation of the agents.
    /// </summary>
    public static double ExpectedOrbitDistance(Swarm x, Swarm y)
    {
        var best = double.PositiveInfinity;
        foreach (var sigma in AllPermutations(Agents))
        {
            var sum = 0.0;
            for (var i = 0; i < Agents; i++)
            {
                for (var k = 0; k < Dimension; k++)
                {
                    var difference = x.Positions[sigma[i], k] - y.Positions[i, k];
                    sum += difference * difference;
                }

                var charge = x.Charges[sigma[i]] - y.Charges[i];
                sum += charge * charge;
            }

            best = Math.Min(best, sum / Agents);
        }

        var phase = CircleDistance(x.Phase, y.Phase);
        return Math.Sqrt(best + phase * phase);
    }

    private static double CircleDistance(double a, double b)
    {
        var forward = ((a - b) % Period + Period) % Period;
        return Math.Min(forward, Period - forward);
    }

    private static IEnumerable<int[]> AllPermutations(int count)
    {
        if (count == 0)
        {
            yield return [];
            yield break;
        }

        foreach (var smaller in AllPermutations(count - 1))
        {
            for (var position = 0; position < count; position++)
            {
                var permutation = new List<int>(smaller);
                permutation.Insert(position, count - 1);
                yield return [.. permutation];
            }
        }
    }

    private static List<(Swarm, Swarm)> CreatePairs()
    {
        var random = new Random(20261204);
        var pairs = new List<(Swarm, Swarm)>();
        for (var pair = 0; pair < 4; pair++)
        {
            var x = RandomSwarm(random);

            // The second pair relabels and shifts x itself, so its orbit distance is zero up to rounding.
            var y = pair == 1 ? Relabeled(x, random) : RandomSwarm(random);
            pairs.Add((x, y));
        }

        return pairs;
    }

    private static Swarm RandomSwarm(Random random)
    {
        var positions = new double[Agents, Dimension];
        var charges = new double[Agents];
        for (var i = 0; i < Agents; i++)
        {
            for (var k = 0; k < Dimension; k++)
            {
                positions[i, k] = random.NextDouble() * 4 - 2;
            }

            charges[i] = random.NextDouble() * 2 - 1;
        }

        return new Swarm(positions, charges, random.NextDouble() * 6 - 3);
    }

    private static Swarm Relabeled(Swarm x, Random random)
    {
        var order = Enumerable.Range(0, Agents).OrderBy(_ => random.Next()).ToArray();
        var positions = new double[Agents, Dimension];
        var charges = new double[Agents];
        for (var i = 0; i < Agents; i++)
        {
            for (var k = 0; k < Dimension; k++)
            {
                positions[order[i], k] = x.Positions[i, k];
            }

            charges[order[i]] = x.Charges[i];
        }

        return new Swarm(positions, charges, x.Phase + 3 * Period);
    }

    private static string ProgramSource()
    {
        var source = new StringBuilder();
        source.AppendLine("using System.Globalization;");
        source.AppendLine("using Consumer;");
        source.AppendLine();
        source.AppendLine("(Swarm X, Swarm Y)[] pairs =");
        source.AppendLine("[");
        foreach (var (x, y) in Pairs)
        {
            source.AppendLine($"    ({Literal(x)}, {Literal(y)}),");
        }

        source.AppendLine("];");
        source.AppendLine("""

            for (var i = 0; i < pairs.Length; i++)
            {
                var (x, y) = pairs[i];
                var distance = Swarm.OrbitDistance(x, y);
                var aligned = x.Apply(Swarm.Align(x, y));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pair {i}: distance {distance:R}, aligned {WeightedDistance(aligned, y):R}"));
            }

            // The plain distance in the model's metric, ‖a − b‖² = Σ wₖ (aₖ − bₖ)², from the flat coordinates.
            static double WeightedDistance(Swarm a, Swarm b)
            {
                var count = a.ParameterCount;
                var left = new double[count];
                var right = new double[count];
                var weights = new double[count];
                a.CopyTo(left);
                b.CopyTo(right);
                a.GetMetricWeights(weights);

                var sum = 0.0;
                for (var k = 0; k < count; k++)
                {
                    sum += weights[k] * (left[k] - right[k]) * (left[k] - right[k]);
                }

                return Math.Sqrt(sum);
            }
            """);
        return source.ToString();
    }

    private static string Literal(Swarm swarm)
    {
        var rows = Enumerable.Range(0, Agents)
            .Select(i => "{ " + string.Join(", ", Enumerable.Range(0, Dimension).Select(k => Number(swarm.Positions[i, k]))) + " }");
        return "new Swarm { Positions = new double[,] { " + string.Join(", ", rows) + " }, "
            + "Charges = [" + string.Join(", ", swarm.Charges.Select(Number)) + "], "
            + "Phase = " + Number(swarm.Phase) + " }";
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
