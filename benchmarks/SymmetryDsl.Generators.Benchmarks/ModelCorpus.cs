using System.Globalization;
using System.Text;

namespace SymmetryDsl.Generators.Benchmarks;

/// <summary>Source files with many model types of every member kind, as a large user project would have them.</summary>
internal static class ModelCorpus
{
    /// <summary>Returns <paramref name="fileCount"/> files that together declare <paramref name="typeCount"/> model types.</summary>
    public static IReadOnlyList<string> Create(int typeCount, int fileCount)
    {
        var files = new List<string>();
        var perFile = (typeCount + fileCount - 1) / fileCount;
        for (var file = 0; file < fileCount; file++)
        {
            var builder = new StringBuilder();
            builder.AppendLine("using System.Collections.Generic;");
            builder.AppendLine("using SymmetryDsl;");
            builder.AppendLine(CultureInfo.InvariantCulture, $"namespace Corpus.File{file};");
            for (var index = file * perFile; index < Math.Min(typeCount, (file + 1) * perFile); index++)
            {
                AppendModel(builder, index);
            }

            files.Add(builder.ToString());
        }

        return files;
    }

    /// <summary>Cycles through five shapes so the corpus exercises every emitter path.</summary>
    private static void AppendModel(StringBuilder builder, int index)
    {
        var name = "Model" + index.ToString(CultureInfo.InvariantCulture);
        switch (index % 5)
        {
            case 0:
                builder.AppendLine(CultureInfo.InvariantCulture, $$"""
                    public partial class {{name}}
                    {
                        [Permutation] public double[] Points = [];
                        [Translation(Period = 1)] public double Phase;
                        public double Bias;
                    }
                    """);
                break;
            case 1:
                builder.AppendLine(CultureInfo.InvariantCulture, $$"""
                    public partial record {{name}}
                    {
                        [Permutation(Group = "hidden")] public double[,] W { get; set; } = new double[0, 0];
                        [Permutation(Group = "hidden")] public double[] A { get; set; } = [];
                    }
                    """);
                break;
            case 2:
                builder.AppendLine(CultureInfo.InvariantCulture, $$"""
                    public partial struct {{name}}
                    {
                        public double[] Weights;
                        [Translation(Period = 6.283185307179586)] public double Bias;
                    }
                    """);
                break;
            case 3:
                builder.AppendLine(CultureInfo.InvariantCulture, $$"""
                    public partial class {{name}}
                    {
                        [Permutation] public List<Model{{index - 1}}> Neurons = [];
                        [Permutation, Translation(Period = 2)] public double[][] Torus = [];
                    }
                    """);
                break;
            default:
                builder.AppendLine(CultureInfo.InvariantCulture, $$"""
                    [Translation(Period = 0.5)]
                    public partial class {{name}}
                    {
                        public double Theta;
                        public float[] Phis = [];
                        [Permutation] public List<float> Values = [];
                    }
                    """);
                break;
        }
    }
}
