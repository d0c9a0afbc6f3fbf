namespace SymmetryDsl.Benchmarks;

/// <summary>The n × n squared-Euclidean cost matrix between two row-major point clouds, as a peer's input.</summary>
public static class SquaredEuclideanCosts
{
    public static void Fill(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimension, Span<double> costs)
    {
        int n = x.Length / dimension;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> xi = x.Slice(i * dimension, dimension);
            for (int j = 0; j < n; j++)
            {
                ReadOnlySpan<double> yj = y.Slice(j * dimension, dimension);
                double sum = 0.0;
                for (int k = 0; k < dimension; k++)
                {
                    double difference = xi[k] - yj[k];
                    sum += difference * difference;
                }

                costs[i * n + j] = sum;
            }
        }
    }
}
