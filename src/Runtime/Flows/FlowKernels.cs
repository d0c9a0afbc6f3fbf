using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SymmetryDsl.Flows;

/// <summary>
/// Fused passes over flat coordinates for the Runge–Kutta stages: y = θ − h · w⁻¹ ⊙ Σⱼ aⱼ gⱼ, where gⱼ are
/// Euclidean gradients and w⁻¹ the inverse metric weights, so each stage costs one pass.
/// </summary>
/// <remarks>
/// The vector and scalar paths perform the same IEEE operations in the same order (no fused multiply-add), so a
/// trajectory does not depend on the vector width. Reductions keep four partial sums, one per residue of i modulo 4,
/// in four-lane vectors or in four scalars, and add them in a fixed order for the same reason.
/// </remarks>
internal static class FlowKernels
{
    /// <summary>Writes y = θ − h·w⁻¹⊙(a₀g₀) and returns 0, or NaN when an entry of y is not finite.</summary>
    public static double Combine(Span<double> y, ReadOnlySpan<double> theta, ReadOnlySpan<double> inverseWeights, double h,
        double a0, ReadOnlySpan<double> g0)
    {
        int n = y.Length;
        int i = 0;
        double check = 0;
        ref double yr = ref MemoryMarshal.GetReference(y);
        ref double tr = ref MemoryMarshal.GetReference(theta);
        ref double wr = ref MemoryMarshal.GetReference(inverseWeights);
        ref double r0 = ref MemoryMarshal.GetReference(g0);
        if (Vector.IsHardwareAccelerated)
        {
            var hv = new Vector<double>(h);
            var c0 = new Vector<double>(a0);
            var checkv = Vector<double>.Zero;
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                var sum = c0 * Load(ref r0, i);
                var value = Load(ref tr, i) - hv * Load(ref wr, i) * sum;
                checkv += value - value;
                Store(value, ref yr, i);
            }

            check = Vector.Sum(checkv);
        }

        for (; i < n; i++)
        {
            double sum = a0 * Unsafe.Add(ref r0, i);
            double value = Unsafe.Add(ref tr, i) - h * Unsafe.Add(ref wr, i) * sum;
            check += value - value;
            Unsafe.Add(ref yr, i) = value;
        }

        return check;
    }

    /// <summary>Writes y = θ − h·w⁻¹⊙(a₀g₀ + a₁g₁) and returns 0, or NaN when an entry of y is not finite.</summary>
    public static double Combine(Span<double> y, ReadOnlySpan<double> theta, ReadOnlySpan<double> inverseWeights, double h,
        double a0, ReadOnlySpan<double> g0, double a1, ReadOnlySpan<double> g1)
    {
        int n = y.Length;
        int i = 0;
        double check = 0;
        ref double yr = ref MemoryMarshal.GetReference(y);
        ref double tr = ref MemoryMarshal.GetReference(theta);
        ref double wr = ref MemoryMarshal.GetReference(inverseWeights);
        ref double r0 = ref MemoryMarshal.GetReference(g0);
        ref double r1 = ref MemoryMarshal.GetReference(g1);
        if (Vector.IsHardwareAccelerated)
        {
            var hv = new Vector<double>(h);
            var c0 = new Vector<double>(a0);
            var c1 = new Vector<double>(a1);
            var checkv = Vector<double>.Zero;
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                var sum = c0 * Load(ref r0, i) + c1 * Load(ref r1, i);
                var value = Load(ref tr, i) - hv * Load(ref wr, i) * sum;
                checkv += value - value;
                Store(value, ref yr, i);
            }

            check = Vector.Sum(checkv);
        }

        for (; i < n; i++)
        {
            double sum = a0 * Unsafe.Add(ref r0, i) + a1 * Unsafe.Add(ref r1, i);
            double value = Unsafe.Add(ref tr, i) - h * Unsafe.Add(ref wr, i) * sum;
            check += value - value;
            Unsafe.Add(ref yr, i) = value;
        }

        return check;
    }

    /// <summary>Writes y = θ − h·w⁻¹⊙(a₀g₀ + a₁g₁ + a₂g₂) and returns 0, or NaN when an entry of y is not finite.</summary>
    public static double Combine(Span<double> y, ReadOnlySpan<double> theta, ReadOnlySpan<double> inverseWeights, double h,
        double a0, ReadOnlySpan<double> g0, double a1, ReadOnlySpan<double> g1, double a2, ReadOnlySpan<double> g2)
    {
        int n = y.Length;
        int i = 0;
        double check = 0;
        ref double yr = ref MemoryMarshal.GetReference(y);
        ref double tr = ref MemoryMarshal.GetReference(theta);
        ref double wr = ref MemoryMarshal.GetReference(inverseWeights);
        ref double r0 = ref MemoryMarshal.GetReference(g0);
        ref double r1 = ref MemoryMarshal.GetReference(g1);
        ref double r2 = ref MemoryMarshal.GetReference(g2);
        if (Vector.IsHardwareAccelerated)
        {
            var hv = new Vector<double>(h);
            var c0 = new Vector<double>(a0);
            var c1 = new Vector<double>(a1);
            var c2 = new Vector<double>(a2);
            var checkv = Vector<double>.Zero;
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                var sum = c0 * Load(ref r0, i) + c1 * Load(ref r1, i) + c2 * Load(ref r2, i);
                var value = Load(ref tr, i) - hv * Load(ref wr, i) * sum;
                checkv += value - value;
                Store(value, ref yr, i);
            }

            check = Vector.Sum(checkv);
        }

        for (; i < n; i++)
        {
            double sum = a0 * Unsafe.Add(ref r0, i) + a1 * Unsafe.Add(ref r1, i) + a2 * Unsafe.Add(ref r2, i);
            double value = Unsafe.Add(ref tr, i) - h * Unsafe.Add(ref wr, i) * sum;
            check += value - value;
            Unsafe.Add(ref yr, i) = value;
        }

        return check;
    }

    /// <summary>Writes y = θ − h·w⁻¹⊙(a₀g₀ + … + a₃g₃) and returns 0, or NaN when an entry of y is not finite.</summary>
    public static double Combine(Span<double> y, ReadOnlySpan<double> theta, ReadOnlySpan<double> inverseWeights, double h,
        double a0, ReadOnlySpan<double> g0, double a1, ReadOnlySpan<double> g1, double a2, ReadOnlySpan<double> g2,
        double a3, ReadOnlySpan<double> g3)
    {
        int n = y.Length;
        int i = 0;
        double check = 0;
        ref double yr = ref MemoryMarshal.GetReference(y);
        ref double tr = ref MemoryMarshal.GetReference(theta);
        ref double wr = ref MemoryMarshal.GetReference(inverseWeights);
        ref double r0 = ref MemoryMarshal.GetReference(g0);
        ref double r1 = ref MemoryMarshal.GetReference(g1);
        ref double r2 = ref MemoryMarshal.GetReference(g2);
        ref double r3 = ref MemoryMarshal.GetReference(g3);
        if (Vector.IsHardwareAccelerated)
        {
            var hv = new Vector<double>(h);
            var c0 = new Vector<double>(a0);
            var c1 = new Vector<double>(a1);
            var c2 = new Vector<double>(a2);
            var c3 = new Vector<double>(a3);
            var checkv = Vector<double>.Zero;
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                var sum = c0 * Load(ref r0, i) + c1 * Load(ref r1, i) + c2 * Load(ref r2, i) + c3 * Load(ref r3, i);
                var value = Load(ref tr, i) - hv * Load(ref wr, i) * sum;
                checkv += value - value;
                Store(value, ref yr, i);
            }

            check = Vector.Sum(checkv);
        }

        for (; i < n; i++)
        {
            double sum = a0 * Unsafe.Add(ref r0, i) + a1 * Unsafe.Add(ref r1, i) + a2 * Unsafe.Add(ref r2, i)
                + a3 * Unsafe.Add(ref r3, i);
            double value = Unsafe.Add(ref tr, i) - h * Unsafe.Add(ref wr, i) * sum;
            check += value - value;
            Unsafe.Add(ref yr, i) = value;
        }

        return check;
    }

    /// <summary>Writes y = θ − h·w⁻¹⊙(a₀g₀ + … + a₄g₄) and returns 0, or NaN when an entry of y is not finite.</summary>
    public static double Combine(Span<double> y, ReadOnlySpan<double> theta, ReadOnlySpan<double> inverseWeights, double h,
        double a0, ReadOnlySpan<double> g0, double a1, ReadOnlySpan<double> g1, double a2, ReadOnlySpan<double> g2,
        double a3, ReadOnlySpan<double> g3, double a4, ReadOnlySpan<double> g4)
    {
        int n = y.Length;
        int i = 0;
        double check = 0;
        ref double yr = ref MemoryMarshal.GetReference(y);
        ref double tr = ref MemoryMarshal.GetReference(theta);
        ref double wr = ref MemoryMarshal.GetReference(inverseWeights);
        ref double r0 = ref MemoryMarshal.GetReference(g0);
        ref double r1 = ref MemoryMarshal.GetReference(g1);
        ref double r2 = ref MemoryMarshal.GetReference(g2);
        ref double r3 = ref MemoryMarshal.GetReference(g3);
        ref double r4 = ref MemoryMarshal.GetReference(g4);
        if (Vector.IsHardwareAccelerated)
        {
            var hv = new Vector<double>(h);
            var c0 = new Vector<double>(a0);
            var c1 = new Vector<double>(a1);
            var c2 = new Vector<double>(a2);
            var c3 = new Vector<double>(a3);
            var c4 = new Vector<double>(a4);
            var checkv = Vector<double>.Zero;
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                var sum = c0 * Load(ref r0, i) + c1 * Load(ref r1, i) + c2 * Load(ref r2, i) + c3 * Load(ref r3, i)
                    + c4 * Load(ref r4, i);
                var value = Load(ref tr, i) - hv * Load(ref wr, i) * sum;
                checkv += value - value;
                Store(value, ref yr, i);
            }

            check = Vector.Sum(checkv);
        }

        for (; i < n; i++)
        {
            double sum = a0 * Unsafe.Add(ref r0, i) + a1 * Unsafe.Add(ref r1, i) + a2 * Unsafe.Add(ref r2, i)
                + a3 * Unsafe.Add(ref r3, i) + a4 * Unsafe.Add(ref r4, i);
            double value = Unsafe.Add(ref tr, i) - h * Unsafe.Add(ref wr, i) * sum;
            check += value - value;
            Unsafe.Add(ref yr, i) = value;
        }

        return check;
    }

    /// <summary>Returns Σ gᵢ² w⁻¹ᵢ, the squared norm of the Riemannian gradient w⁻¹⊙g in the metric w.</summary>
    public static double SquaredMetricNorm(ReadOnlySpan<double> gradient, ReadOnlySpan<double> inverseWeights)
    {
        int n = gradient.Length;
        int i = 0;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Lane j accumulates the entries i ≡ j (mod 4), exactly as s0..s3 do in the scalar loop below.
            ref double gr = ref MemoryMarshal.GetReference(gradient);
            ref double wr = ref MemoryMarshal.GetReference(inverseWeights);
            var sum = Vector256<double>.Zero;
            for (; i <= n - 4; i += 4)
            {
                var g = Vector256.LoadUnsafe(ref gr, (nuint)i);
                sum += g * g * Vector256.LoadUnsafe(ref wr, (nuint)i);
            }

            (s0, s1, s2, s3) = (sum[0], sum[1], sum[2], sum[3]);
        }

        for (; i <= n - 4; i += 4)
        {
            s0 += gradient[i] * gradient[i] * inverseWeights[i];
            s1 += gradient[i + 1] * gradient[i + 1] * inverseWeights[i + 1];
            s2 += gradient[i + 2] * gradient[i + 2] * inverseWeights[i + 2];
            s3 += gradient[i + 3] * gradient[i + 3] * inverseWeights[i + 3];
        }

        for (; i < n; i++)
        {
            s0 += gradient[i] * gradient[i] * inverseWeights[i];
        }

        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>
    /// Returns the root mean square over i of eᵢ / (atol + rtol·max(|θᵢ|, |θ̂ᵢ|)), the scaled error of the
    /// Dormand–Prince step θ → θ̂, where eᵢ = h·w⁻¹ᵢ·Σⱼ Eⱼ gⱼᵢ is the difference of the embedded solutions.
    /// </summary>
    /// <remarks>Callers must not rely on the value when θ̂ has a non-finite entry, where vector and scalar max differ.</remarks>
    public static double DormandPrinceError(ReadOnlySpan<double> theta, ReadOnlySpan<double> candidate,
        ReadOnlySpan<double> inverseWeights, double h, double absoluteTolerance, double relativeTolerance,
        ReadOnlySpan<double> g0, ReadOnlySpan<double> g2, ReadOnlySpan<double> g3, ReadOnlySpan<double> g4,
        ReadOnlySpan<double> g5, ReadOnlySpan<double> g6)
    {
        int n = theta.Length;
        if (n == 0)
        {
            return 0;
        }

        int i = 0;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Lane j accumulates the entries i ≡ j (mod 4), exactly as s0..s3 do in the scalar loop below.
            ref double tr = ref MemoryMarshal.GetReference(theta);
            ref double cr = ref MemoryMarshal.GetReference(candidate);
            ref double wr = ref MemoryMarshal.GetReference(inverseWeights);
            ref double r0 = ref MemoryMarshal.GetReference(g0);
            ref double r2 = ref MemoryMarshal.GetReference(g2);
            ref double r3 = ref MemoryMarshal.GetReference(g3);
            ref double r4 = ref MemoryMarshal.GetReference(g4);
            ref double r5 = ref MemoryMarshal.GetReference(g5);
            ref double r6 = ref MemoryMarshal.GetReference(g6);
            var hv = Vector256.Create(h);
            var atol = Vector256.Create(absoluteTolerance);
            var rtol = Vector256.Create(relativeTolerance);
            var sum = Vector256<double>.Zero;
            for (; i <= n - 4; i += 4)
            {
                nuint k = (nuint)i;
                var error = hv * Vector256.LoadUnsafe(ref wr, k) * (
                    Vector256.Create(DormandPrince45Tableau.E1) * Vector256.LoadUnsafe(ref r0, k)
                    + Vector256.Create(DormandPrince45Tableau.E3) * Vector256.LoadUnsafe(ref r2, k)
                    + Vector256.Create(DormandPrince45Tableau.E4) * Vector256.LoadUnsafe(ref r3, k)
                    + Vector256.Create(DormandPrince45Tableau.E5) * Vector256.LoadUnsafe(ref r4, k)
                    + Vector256.Create(DormandPrince45Tableau.E6) * Vector256.LoadUnsafe(ref r5, k)
                    + Vector256.Create(DormandPrince45Tableau.E7) * Vector256.LoadUnsafe(ref r6, k));
                var scale = atol + rtol * Vector256.Max(
                    Vector256.Abs(Vector256.LoadUnsafe(ref tr, k)), Vector256.Abs(Vector256.LoadUnsafe(ref cr, k)));
                var ratio = error / scale;
                sum += ratio * ratio;
            }

            (s0, s1, s2, s3) = (sum[0], sum[1], sum[2], sum[3]);
        }

        for (; i <= n - 4; i += 4)
        {
            s0 += ScaledSquare(i, theta, candidate, inverseWeights, h, absoluteTolerance, relativeTolerance, g0, g2, g3, g4, g5, g6);
            s1 += ScaledSquare(i + 1, theta, candidate, inverseWeights, h, absoluteTolerance, relativeTolerance, g0, g2, g3, g4, g5, g6);
            s2 += ScaledSquare(i + 2, theta, candidate, inverseWeights, h, absoluteTolerance, relativeTolerance, g0, g2, g3, g4, g5, g6);
            s3 += ScaledSquare(i + 3, theta, candidate, inverseWeights, h, absoluteTolerance, relativeTolerance, g0, g2, g3, g4, g5, g6);
        }

        for (; i < n; i++)
        {
            s0 += ScaledSquare(i, theta, candidate, inverseWeights, h, absoluteTolerance, relativeTolerance, g0, g2, g3, g4, g5, g6);
        }

        return Math.Sqrt(((s0 + s1) + (s2 + s3)) / n);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ScaledSquare(int k, ReadOnlySpan<double> theta, ReadOnlySpan<double> candidate,
        ReadOnlySpan<double> inverseWeights, double h, double absoluteTolerance, double relativeTolerance,
        ReadOnlySpan<double> g0, ReadOnlySpan<double> g2, ReadOnlySpan<double> g3, ReadOnlySpan<double> g4,
        ReadOnlySpan<double> g5, ReadOnlySpan<double> g6)
    {
        double error = h * inverseWeights[k] * (DormandPrince45Tableau.E1 * g0[k] + DormandPrince45Tableau.E3 * g2[k]
            + DormandPrince45Tableau.E4 * g3[k] + DormandPrince45Tableau.E5 * g4[k] + DormandPrince45Tableau.E6 * g5[k]
            + DormandPrince45Tableau.E7 * g6[k]);
        double scale = absoluteTolerance + relativeTolerance * Math.Max(Math.Abs(theta[k]), Math.Abs(candidate[k]));
        double ratio = error / scale;
        return ratio * ratio;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Load(ref double origin, int index) =>
        Vector.LoadUnsafe(ref origin, (nuint)index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<double> value, ref double origin, int index) =>
        value.StoreUnsafe(ref origin, (nuint)index);
}
