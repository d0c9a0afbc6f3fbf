using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SymmetryDsl.CodeGeneration;

/// <summary>
/// Helpers that the code written by the SymmetryDsl source generator calls: copies of particle collections, the
/// canonical particle order, and the checks and exceptions for invalid or mismatched models. Keeping them here, and
/// not in every generated file, keeps generated types small and lets two assemblies with model types load side by side.
/// </summary>
/// <remarks>
/// Not intended for direct use; the members may change with the generator. A check of a model's content throws
/// <see cref="ArgumentException"/> with <see cref="ArgumentException.ParamName"/> when the model is a parameter,
/// and <see cref="InvalidOperationException"/> when it is the instance the generated method runs on.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedModelSupport
{
    /// <summary>Bound of the integer shifts that random group elements draw: each shift is uniform in [−3, 3].</summary>
    public const int RandomShiftBound = 3;

    /// <summary>Returns the entries of <paramref name="matrix"/> as one row-major span.</summary>
    /// <param name="matrix">The matrix whose storage the span covers.</param>
    public static Span<double> AsSpan(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ref var first = ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(matrix));
        return MemoryMarshal.CreateSpan(ref first, matrix.Length);
    }

    /// <summary>Returns a new matrix whose row <c>permutation[i]</c> is row <c>i</c> of <paramref name="source"/>.</summary>
    /// <param name="source">The matrix whose rows are particles.</param>
    /// <param name="permutation">The images σ(i), one per row.</param>
    public static double[,] PermuteRows(double[,] source, ReadOnlySpan<int> permutation)
    {
        ArgumentNullException.ThrowIfNull(source);
        var rows = source.GetLength(0);
        var columns = source.GetLength(1);
        CheckPermutationLength(permutation, rows);

        var result = new double[rows, columns];
        var from = AsSpan(source);
        var to = AsSpan(result);
        for (var i = 0; i < rows; i++)
        {
            from.Slice(i * columns, columns).CopyTo(to.Slice(permutation[i] * columns, columns));
        }

        return result;
    }

    /// <summary>Returns a new array whose entry <c>permutation[i]</c> is <c>source[i]</c>.</summary>
    /// <typeparam name="T">The particle type.</typeparam>
    /// <param name="source">The particles.</param>
    /// <param name="permutation">The images σ(i), one per particle.</param>
    public static T[] PermuteToArray<T>(ReadOnlySpan<T> source, ReadOnlySpan<int> permutation)
    {
        CheckPermutationLength(permutation, source.Length);
        var result = new T[source.Length];
        for (var i = 0; i < source.Length; i++)
        {
            result[permutation[i]] = source[i];
        }

        return result;
    }

    /// <summary>Returns a new list whose entry <c>permutation[i]</c> is <c>source[i]</c>.</summary>
    /// <typeparam name="T">The particle type.</typeparam>
    /// <param name="source">The particles.</param>
    /// <param name="permutation">The images σ(i), one per particle.</param>
    public static List<T> PermuteToList<T>(ReadOnlySpan<T> source, ReadOnlySpan<int> permutation)
    {
        CheckPermutationLength(permutation, source.Length);
        var result = new List<T>(source.Length);
        CollectionsMarshal.SetCount(result, source.Length);
        var destination = CollectionsMarshal.AsSpan(result);
        for (var i = 0; i < source.Length; i++)
        {
            destination[permutation[i]] = source[i];
        }

        return result;
    }

    /// <summary>Returns a copy of <paramref name="rows"/> that shares no row array with it.</summary>
    /// <param name="rows">The rows to copy.</param>
    public static double[][] CloneRows(double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = new double[rows.Length][];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = (double[])rows[i].Clone();
        }

        return result;
    }

    /// <summary>Returns an array of deep copies of <paramref name="particles"/>.</summary>
    /// <typeparam name="T">The model type of the particles.</typeparam>
    /// <param name="particles">The particles to copy.</param>
    public static T[] CloneModels<T>(ReadOnlySpan<T> particles)
        where T : IQuotientModel<T>
    {
        var result = new T[particles.Length];
        for (var i = 0; i < particles.Length; i++)
        {
            result[i] = particles[i].DeepClone();
        }

        return result;
    }

    /// <summary>Returns a list of deep copies of <paramref name="particles"/>.</summary>
    /// <typeparam name="T">The model type of the particles.</typeparam>
    /// <param name="particles">The particles to copy.</param>
    public static List<T> CloneModelsToList<T>(ReadOnlySpan<T> particles)
        where T : IQuotientModel<T>
    {
        var result = new List<T>(particles.Length);
        foreach (var particle in particles)
        {
            result.Add(particle.DeepClone());
        }

        return result;
    }

    /// <summary>Returns the identity element of each particle's group.</summary>
    /// <typeparam name="T">The model type of the particles.</typeparam>
    /// <typeparam name="TGroupElement">The group element type of <typeparamref name="T"/>.</typeparam>
    /// <param name="particles">The particles whose shapes the elements fit.</param>
    public static TGroupElement[] IdentityElements<T, TGroupElement>(ReadOnlySpan<T> particles)
        where T : IQuotientModel<T, TGroupElement>
    {
        var result = new TGroupElement[particles.Length];
        for (var i = 0; i < particles.Length; i++)
        {
            result[i] = T.IdentityElement(particles[i]);
        }

        return result;
    }

    /// <summary>Draws a group element for each particle from <paramref name="random"/>.</summary>
    /// <typeparam name="T">The model type of the particles.</typeparam>
    /// <typeparam name="TGroupElement">The group element type of <typeparamref name="T"/>.</typeparam>
    /// <param name="particles">The particles whose shapes the elements fit.</param>
    /// <param name="random">The source of randomness.</param>
    public static TGroupElement[] RandomElements<T, TGroupElement>(ReadOnlySpan<T> particles, Random random)
        where T : IQuotientModel<T, TGroupElement>
    {
        ArgumentNullException.ThrowIfNull(random);
        var result = new TGroupElement[particles.Length];
        for (var i = 0; i < particles.Length; i++)
        {
            result[i] = T.RandomGroupElement(particles[i], random);
        }

        return result;
    }

    /// <summary>Draws one integer shift uniformly from [−<see cref="RandomShiftBound"/>, <see cref="RandomShiftBound"/>].</summary>
    /// <param name="random">The source of randomness.</param>
    public static long RandomShift(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextInt64(-RandomShiftBound, RandomShiftBound + 1);
    }

    /// <summary>Draws <paramref name="count"/> integer shifts, each as <see cref="RandomShift"/> does.</summary>
    /// <param name="count">The number of shifts.</param>
    /// <param name="random">The source of randomness.</param>
    public static long[] RandomShifts(int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new long[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = RandomShift(random);
        }

        return result;
    }

    /// <summary>Returns the total number of entries in <paramref name="rows"/>.</summary>
    /// <param name="rows">The rows whose lengths are added.</param>
    public static int TotalLength(ReadOnlySpan<double[]> rows)
    {
        var total = 0;
        foreach (var row in rows)
        {
            total += row.Length;
        }

        return total;
    }

    /// <summary>Returns the squared Euclidean distance between two rows of equal length.</summary>
    /// <param name="x">The first row.</param>
    /// <param name="y">The second row.</param>
    public static double SquaredDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var total = 0d;
        for (var i = 0; i < x.Length; i++)
        {
            var difference = x[i] - y[i];
            total += difference * difference;
        }

        return total;
    }

    /// <summary>
    /// Writes the permutation that sorts particles lexicographically by their coordinates: particle i moves to
    /// position <c>permutation[i]</c>. A particle whose coordinates are a prefix of another's sorts first, and
    /// equal particles keep their relative order, so the result is deterministic.
    /// </summary>
    /// <param name="coordinates">The coordinates of all particles, one particle after another.</param>
    /// <param name="offsets">n + 1 offsets: particle i occupies <c>coordinates[offsets[i]..offsets[i + 1]]</c>.</param>
    /// <param name="permutation">Receives the n images σ(i).</param>
    public static void CanonicalOrder(ReadOnlySpan<double> coordinates, ReadOnlySpan<int> offsets, Span<int> permutation)
    {
        var count = offsets.Length - 1;
        if (permutation.Length != count)
        {
            throw new ArgumentException(
                $"The permutation has length {permutation.Length} but the offsets describe {count} particles.",
                nameof(permutation));
        }

        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        var values = coordinates.ToArray();
        var bounds = offsets.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var left = values.AsSpan(bounds[a], bounds[a + 1] - bounds[a]);
            var right = values.AsSpan(bounds[b], bounds[b + 1] - bounds[b]);
            var common = Math.Min(left.Length, right.Length);
            for (var k = 0; k < common; k++)
            {
                // CompareTo orders NaN first, so the comparison is a total order even for NaN coordinates.
                var compared = left[k].CompareTo(right[k]);
                if (compared != 0)
                {
                    return compared;
                }
            }

            return left.Length != right.Length ? left.Length.CompareTo(right.Length) : a.CompareTo(b);
        });

        for (var position = 0; position < count; position++)
        {
            permutation[order[position]] = position;
        }
    }

    /// <summary>Largest particle count whose n × n cost matrix fits in one array: 46340² is below <see cref="int.MaxValue"/>.</summary>
    public const int MaxAssignmentParticles = 46_340;

    /// <summary>Rents a pooled buffer for the n × n cost matrix of a permutation group with <paramref name="count"/> particles.</summary>
    /// <param name="parameterName">The parameter of the model whose particles are counted.</param>
    /// <param name="typeName">The model type, named in the exception.</param>
    /// <param name="groupName">The permutation group, named in the exception.</param>
    /// <param name="count">The particle count n.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="count"/> is above <see cref="MaxAssignmentParticles"/>. <see cref="ArgumentException.ParamName"/>
    /// is <paramref name="parameterName"/> and <see cref="ArgumentOutOfRangeException.ActualValue"/> is the count.
    /// </exception>
    public static double[] RentCostMatrix(string parameterName, string typeName, string groupName, int count)
    {
        if (count > MaxAssignmentParticles)
        {
            throw new ArgumentOutOfRangeException(
                parameterName, count,
                $"Permutation group '{groupName}' of '{typeName}' has {count} particles, but the orbit distance by assignment supports at most {MaxAssignmentParticles}, because its n × n cost matrix must fit in one array.");
        }

        return System.Buffers.ArrayPool<double>.Shared.Rent(count * count);
    }

    /// <summary>
    /// Creates the exception for a member that is null when the generated code reads it: <see cref="ArgumentException"/>
    /// for a model passed as a parameter and <see cref="InvalidOperationException"/> for the instance itself.
    /// </summary>
    /// <param name="typeName">The model type.</param>
    /// <param name="memberName">The member that is null.</param>
    /// <param name="parameterName">The parameter of the model, or <c>"this"</c> for the instance itself.</param>
    public static Exception NullMember(string typeName, string memberName, string parameterName) =>
        InvalidModel(
            $"Member '{memberName}' of '{typeName}' is null",
            "Assign it an empty or filled collection before using the quotient methods.",
            parameterName);

    /// <summary>
    /// Checks that no entry of <paramref name="items"/> is null and returns <paramref name="items"/>. Generated code
    /// calls it on the rows of a <c>double[][]</c> member and on particles of a class model type before reading them.
    /// </summary>
    /// <typeparam name="T">The row type <c>double[]</c> or the particle type.</typeparam>
    /// <param name="items">The rows or particles, not null.</param>
    /// <param name="typeName">The model type, named in the exception.</param>
    /// <param name="memberName">The member that contains the entries, named in the exception.</param>
    /// <param name="parameterName">The parameter of the model, or <c>"this"</c> for the instance itself.</param>
    /// <exception cref="ArgumentException">An entry is null in a parameter. <see cref="ArgumentException.ParamName"/> is <paramref name="parameterName"/>, and the message names the member and the first null index.</exception>
    /// <exception cref="InvalidOperationException">An entry is null and <paramref name="parameterName"/> is <c>"this"</c>. The message names the member and the first null index.</exception>
    public static T[] NoNullElements<T>(T[] items, string typeName, string memberName, string parameterName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items);
        ThrowIfAnyNull<T>(items, typeName, memberName, parameterName);
        return items;
    }

    /// <summary>Checks that no particle of a class model type in <paramref name="items"/> is null, and returns the list.</summary>
    /// <typeparam name="T">The particle type.</typeparam>
    /// <param name="items">The particles, not null.</param>
    /// <param name="typeName">The model type, named in the exception.</param>
    /// <param name="memberName">The member that contains the particles, named in the exception.</param>
    /// <param name="parameterName">The parameter of the model, or <c>"this"</c> for the instance itself.</param>
    /// <exception cref="ArgumentException">A particle is null in a parameter. <see cref="ArgumentException.ParamName"/> is <paramref name="parameterName"/>, and the message names the member and the first null index.</exception>
    /// <exception cref="InvalidOperationException">A particle is null and <paramref name="parameterName"/> is <c>"this"</c>. The message names the member and the first null index.</exception>
    public static List<T> NoNullElements<T>(List<T> items, string typeName, string memberName, string parameterName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items);
        ThrowIfAnyNull<T>(CollectionsMarshal.AsSpan(items), typeName, memberName, parameterName);
        return items;
    }

    /// <summary>
    /// Checks that a scalar member is finite. The generated quotient methods call the overloads of this method on
    /// every numeric member before they compute. A NaN or ±∞ is then reported with the member's name, instead of
    /// failing inside a runtime routine or giving a NaN distance.
    /// </summary>
    /// <param name="value">The member's value.</param>
    /// <param name="typeName">The model type, named in the exception.</param>
    /// <param name="memberName">The member, named in the exception.</param>
    /// <param name="parameterName">The parameter of the model, or <c>"this"</c> for the instance itself.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN or infinite in a parameter. <see cref="ArgumentException.ParamName"/> is <paramref name="parameterName"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="value"/> is NaN or infinite and <paramref name="parameterName"/> is <c>"this"</c>.</exception>
    public static void ThrowIfNotFinite(double value, string typeName, string memberName, string parameterName)
    {
        if (!double.IsFinite(value))
        {
            throw NotFinite(FormatInvariant(value), $"Member '{memberName}'", typeName, parameterName);
        }
    }

    /// <inheritdoc cref="ThrowIfNotFinite(double, string, string, string)"/>
    public static void ThrowIfNotFinite(float value, string typeName, string memberName, string parameterName)
    {
        if (!float.IsFinite(value))
        {
            throw NotFinite(FormatInvariant(value), $"Member '{memberName}'", typeName, parameterName);
        }
    }

    /// <summary>
    /// Checks that every entry of an array member or of a collection of numeric particles is finite. The exception
    /// names the first entry that is not, as coordinate i of the member.
    /// </summary>
    /// <param name="values">The entries.</param>
    /// <param name="typeName">The model type, named in the exception.</param>
    /// <param name="memberName">The member that contains the entries, named in the exception.</param>
    /// <param name="parameterName">The parameter of the model, or <c>"this"</c> for the instance itself.</param>
    /// <exception cref="ArgumentException">An entry is NaN or infinite in a parameter. <see cref="ArgumentException.ParamName"/> is <paramref name="parameterName"/>.</exception>
    /// <exception cref="InvalidOperationException">An entry is NaN or infinite and <paramref name="parameterName"/> is <c>"this"</c>.</exception>
    public static void ThrowIfNotFinite(ReadOnlySpan<double> values, string typeName, string memberName, string parameterName)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw NotFinite(FormatInvariant(values[i]), $"Coordinate {i} of member '{memberName}'", typeName, parameterName);
            }
        }
    }

    /// <inheritdoc cref="ThrowIfNotFinite(ReadOnlySpan{double}, string, string, string)"/>
    public static void ThrowIfNotFinite(ReadOnlySpan<float> values, string typeName, string memberName, string parameterName)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw NotFinite(FormatInvariant(values[i]), $"Coordinate {i} of member '{memberName}'", typeName, parameterName);
            }
        }
    }

    /// <summary>
    /// Checks that every entry of a <c>double[,]</c> member whose rows are particles is finite. The exception names
    /// the first entry that is not by its row and its column.
    /// </summary>
    /// <param name="values">The entries in row-major order, as <see cref="AsSpan"/> returns them.</param>
    /// <param name="columns">The number of entries per row.</param>
    /// <param name="typeName">The model type, named in the exception.</param>
    /// <param name="memberName">The member that contains the rows, named in the exception.</param>
    /// <param name="parameterName">The parameter of the model, or <c>"this"</c> for the instance itself.</param>
    /// <exception cref="ArgumentException">An entry is NaN or infinite in a parameter. <see cref="ArgumentException.ParamName"/> is <paramref name="parameterName"/>.</exception>
    /// <exception cref="InvalidOperationException">An entry is NaN or infinite and <paramref name="parameterName"/> is <c>"this"</c>.</exception>
    public static void ThrowIfNotFinite(ReadOnlySpan<double> values, int columns, string typeName, string memberName, string parameterName)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                var position = $"Coordinate {i % columns} of row {i / columns} of member '{memberName}'";
                throw NotFinite(FormatInvariant(values[i]), position, typeName, parameterName);
            }
        }
    }

    /// <summary>
    /// Checks that every entry of the rows of a <c>double[][]</c> member is finite. The exception names the first
    /// entry that is not by its row and its index in the row.
    /// </summary>
    /// <param name="rows">The rows, none of them null.</param>
    /// <param name="typeName">The model type, named in the exception.</param>
    /// <param name="memberName">The member that contains the rows, named in the exception.</param>
    /// <param name="parameterName">The parameter of the model, or <c>"this"</c> for the instance itself.</param>
    /// <exception cref="ArgumentException">An entry is NaN or infinite in a parameter. <see cref="ArgumentException.ParamName"/> is <paramref name="parameterName"/>.</exception>
    /// <exception cref="InvalidOperationException">An entry is NaN or infinite and <paramref name="parameterName"/> is <c>"this"</c>.</exception>
    public static void ThrowIfNotFinite(ReadOnlySpan<double[]> rows, string typeName, string memberName, string parameterName)
    {
        for (var row = 0; row < rows.Length; row++)
        {
            var values = rows[row];
            for (var i = 0; i < values.Length; i++)
            {
                if (!double.IsFinite(values[i]))
                {
                    var position = $"Coordinate {i} of row {row} of member '{memberName}'";
                    throw NotFinite(FormatInvariant(values[i]), position, typeName, parameterName);
                }
            }
        }
    }

    /// <summary>
    /// Checks that every flat coordinate of every particle of a model type is finite. It copies each particle's
    /// coordinates with <see cref="IQuotientModel{TSelf}.CopyTo"/> into one pooled buffer, so it works for any
    /// implementation of the interface, and the exception names the particle and the index in its flat coordinates.
    /// </summary>
    /// <typeparam name="T">The model type of the particles.</typeparam>
    /// <param name="particles">The particles, none of them null.</param>
    /// <param name="typeName">The model type that contains the particles, named in the exception.</param>
    /// <param name="memberName">The member that contains the particles, named in the exception.</param>
    /// <param name="parameterName">The parameter of the model, or <c>"this"</c> for the instance itself.</param>
    /// <exception cref="ArgumentException">A coordinate is NaN or infinite in a parameter, or a particle throws <see cref="InvalidOperationException"/> for its own content, such as a null member, which becomes the inner exception. <see cref="ArgumentException.ParamName"/> is <paramref name="parameterName"/>.</exception>
    /// <exception cref="InvalidOperationException">The same, when <paramref name="parameterName"/> is <c>"this"</c>.</exception>
    public static void ThrowIfNotFinite<T>(ReadOnlySpan<T> particles, string typeName, string memberName, string parameterName)
        where T : IQuotientModel<T>
    {
        double[]? buffer = null;
        try
        {
            for (var particle = 0; particle < particles.Length; particle++)
            {
                Span<double> coordinates;
                try
                {
                    var count = particles[particle].ParameterCount;
                    if (buffer is null || buffer.Length < count)
                    {
                        if (buffer is not null)
                        {
                            System.Buffers.ArrayPool<double>.Shared.Return(buffer);
                        }

                        buffer = System.Buffers.ArrayPool<double>.Shared.Rent(count);
                    }

                    coordinates = new Span<double>(buffer, 0, count);
                    particles[particle].CopyTo(coordinates);
                }
                catch (InvalidOperationException invalid)
                {
                    // The particle reports its own invalid members as "this"; the caller needs the model and the index.
                    throw InvalidModel(
                        $"Particle {particle} of member '{memberName}' of '{typeName}' is invalid",
                        invalid.Message,
                        parameterName,
                        invalid);
                }

                for (var i = 0; i < coordinates.Length; i++)
                {
                    if (!double.IsFinite(coordinates[i]))
                    {
                        var position = $"Coordinate {i} of particle {particle} of member '{memberName}'";
                        throw NotFinite(FormatInvariant(coordinates[i]), position, typeName, parameterName);
                    }
                }
            }
        }
        finally
        {
            if (buffer is not null)
            {
                System.Buffers.ArrayPool<double>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Creates the exception for a particle collection whose count differs between x and y.</summary>
    /// <param name="parameterName">The parameter of the second model.</param>
    /// <param name="typeName">The model type.</param>
    /// <param name="memberName">The member, or the first member of a permutation group.</param>
    /// <param name="xCount">The particle count in x.</param>
    /// <param name="yCount">The particle count in y.</param>
    public static ArgumentException CountMismatch(string parameterName, string typeName, string memberName, int xCount, int yCount) =>
        new($"Member '{memberName}' of '{typeName}' has {xCount} particles in x but {yCount} in y. Compare only models with equal particle counts.", parameterName);

    /// <summary>Creates the exception for an array whose length differs between x and y.</summary>
    /// <param name="parameterName">The parameter of the second model.</param>
    /// <param name="typeName">The model type.</param>
    /// <param name="memberName">The member.</param>
    /// <param name="xLength">The length in x.</param>
    /// <param name="yLength">The length in y.</param>
    public static ArgumentException LengthMismatch(string parameterName, string typeName, string memberName, int xLength, int yLength) =>
        new($"Member '{memberName}' of '{typeName}' has length {xLength} in x but {yLength} in y. Compare only models whose arrays have equal lengths.", parameterName);

    /// <summary>Creates the exception for the rows of a <c>double[,]</c> member whose length differs between x and y.</summary>
    /// <param name="parameterName">The parameter of the second model.</param>
    /// <param name="typeName">The model type.</param>
    /// <param name="memberName">The member whose rows are particles.</param>
    /// <param name="xLength">The row length in x.</param>
    /// <param name="yLength">The row length in y.</param>
    public static ArgumentException RowLengthMismatch(string parameterName, string typeName, string memberName, int xLength, int yLength) =>
        new($"The rows of member '{memberName}' of '{typeName}' have length {xLength} in x but {yLength} in y. Compare only models whose rows have equal lengths.", parameterName);

    /// <summary>Creates the exception for two rows of a <c>double[][]</c> member, one in x and one in y, whose lengths differ.</summary>
    /// <param name="parameterName">The parameter of the second model.</param>
    /// <param name="typeName">The model type.</param>
    /// <param name="memberName">The member whose rows are particles.</param>
    /// <param name="xRow">The row's index in x.</param>
    /// <param name="xLength">The row's length in x.</param>
    /// <param name="yRow">The row's index in y.</param>
    /// <param name="yLength">The row's length in y.</param>
    public static ArgumentException RowLengthMismatch(
        string parameterName,
        string typeName,
        string memberName,
        int xRow,
        int xLength,
        int yRow,
        int yLength) =>
        new(
            $"Row {xRow} of member '{memberName}' of '{typeName}' has length {xLength} in x but row {yRow} has length {yLength} in y. The orbit distance compares every row of x with every row of y, so compare only models whose rows all have one length.",
            parameterName);

    /// <summary>
    /// Creates the exception for co-permuted members with different particle counts: <see cref="ArgumentException"/>
    /// for a model passed as a parameter and <see cref="InvalidOperationException"/> for the instance itself.
    /// </summary>
    /// <param name="parameterName">The parameter of the model, or <c>"this"</c> for the instance itself.</param>
    /// <param name="typeName">The model type.</param>
    /// <param name="groupName">The permutation group.</param>
    /// <param name="firstMember">The group's first member.</param>
    /// <param name="firstCount">The particle count of <paramref name="firstMember"/>.</param>
    /// <param name="otherMember">The member whose count differs.</param>
    /// <param name="otherCount">The particle count of <paramref name="otherMember"/>.</param>
    public static Exception GroupCountMismatch(
        string parameterName,
        string typeName,
        string groupName,
        string firstMember,
        int firstCount,
        string otherMember,
        int otherCount) =>
        InvalidModel(
            $"Permutation group '{groupName}' of '{typeName}' reorders member '{firstMember}' with {firstCount} particles together with member '{otherMember}' with {otherCount} particles",
            $"Co-permuted members need equal particle counts, so give '{firstMember}' and '{otherMember}' the same number of particles.",
            parameterName);

    /// <summary>Creates the exception for a group element component that does not fit the model's shape.</summary>
    /// <param name="parameterName">The parameter that holds the group element.</param>
    /// <param name="componentName">The group element property.</param>
    /// <param name="expected">The length the model needs.</param>
    /// <param name="actual">The component's length.</param>
    public static ArgumentException ElementMismatch(string parameterName, string componentName, int expected, int actual) =>
        new($"Group element component '{componentName}' has length {actual} but the model needs {expected}; create the element from a model of the same shape.", parameterName);

    /// <summary>Creates the exception for two group elements whose components have different lengths.</summary>
    /// <param name="parameterName">The parameter of the other group element.</param>
    /// <param name="componentName">The group element property.</param>
    /// <param name="thisLength">The component's length in the element whose method runs.</param>
    /// <param name="otherLength">The component's length in the other element.</param>
    public static ArgumentException ComposeMismatch(string parameterName, string componentName, int thisLength, int otherLength) =>
        new($"Group element component '{componentName}' has length {thisLength} in this element but {otherLength} in '{parameterName}'; compose only elements created from models of the same shape.", parameterName);

    /// <summary>
    /// Returns the number of entries per particle of a group element component that a permutation of
    /// <paramref name="count"/> particles reorders, so entry c of particle i sits at index i·width + c.
    /// </summary>
    /// <param name="componentName">The group element property with the entries.</param>
    /// <param name="length">The component's length.</param>
    /// <param name="permutationName">The group element property with the permutation.</param>
    /// <param name="count">The number of particles the permutation acts on.</param>
    /// <exception cref="InvalidOperationException">The entries cannot be split into <paramref name="count"/> particles of equal length.</exception>
    public static int EntriesPerParticle(string componentName, int length, string permutationName, int count)
    {
        if (count == 0 ? length != 0 : length % count != 0)
        {
            throw ParticleComponentMismatch(componentName, length, permutationName, count);
        }

        return count == 0 ? 0 : length / count;
    }

    /// <summary>
    /// Throws when the rows of a periodic jagged member differ in length. A group element stores the shifts of
    /// such a member as one flat array, and <c>Compose</c> and <c>Inverse</c> split it into rows of equal length,
    /// so the group element methods accept only models whose rows all have the length of row 0.
    /// </summary>
    /// <param name="rows">The rows to check, none of them null.</param>
    /// <param name="typeName">The model type, named in the exception.</param>
    /// <param name="memberName">The member whose rows are particles, named in the exception.</param>
    /// <param name="parameterName">The parameter of the model, or <c>"this"</c> for the instance itself.</param>
    /// <exception cref="ArgumentException">A row's length differs from the length of row 0 in a parameter. <see cref="ArgumentException.ParamName"/> is <paramref name="parameterName"/>.</exception>
    /// <exception cref="InvalidOperationException">A row's length differs from the length of row 0 and <paramref name="parameterName"/> is <c>"this"</c>.</exception>
    public static void ThrowIfRowLengthsDiffer(ReadOnlySpan<double[]> rows, string typeName, string memberName, string parameterName)
    {
        if (rows.IsEmpty)
        {
            return;
        }

        var width = rows[0].Length;
        for (var i = 1; i < rows.Length; i++)
        {
            if (rows[i].Length != width)
            {
                throw InvalidModel(
                    $"Row {i} of member '{memberName}' of '{typeName}' has length {rows[i].Length} but row 0 has length {width}",
                    $"Group elements act only on periodic jagged rows of equal length, because they store the shifts as rows of one width. Give every row of '{memberName}' the same length.",
                    parameterName);
            }
        }
    }

    /// <summary>Creates the exception for a group element component that does not fit its own permutation.</summary>
    /// <param name="componentName">The group element property with the entries or inner elements.</param>
    /// <param name="length">The component's length.</param>
    /// <param name="permutationName">The group element property with the permutation.</param>
    /// <param name="count">The number of particles the permutation acts on.</param>
    public static InvalidOperationException ParticleComponentMismatch(string componentName, int length, string permutationName, int count) =>
        new($"Group element component '{componentName}' has length {length}, but '{permutationName}' acts on {count} particles and each particle needs the same number of entries; create the element from a model so that its components agree.");

    /// <summary>Creates the exception for a span shorter than the model's parameter count.</summary>
    /// <param name="parameterName">The span parameter.</param>
    /// <param name="required">The parameter count of the model.</param>
    /// <param name="actual">The span's length.</param>
    public static ArgumentException SpanTooShort(string parameterName, int required, int actual) =>
        new($"The span has length {actual} but the model has {required} parameters.", parameterName);

    private static void ThrowIfAnyNull<T>(ReadOnlySpan<T> items, string typeName, string memberName, string parameterName)
        where T : class
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is null)
            {
                // The generator checks entries only of double[][] rows and of class model particles, and a double[]
                // is never a model, so the entry type determines which of the two the member contains.
                throw NullElement(typeof(T) == typeof(double[]), i, typeName, memberName, parameterName);
            }
        }
    }

    private static Exception NullElement(bool isRow, int index, string typeName, string memberName, string parameterName)
    {
        var entry = isRow ? "Row" : "Particle";
        var fix = isRow
            ? "Assign an array, empty or filled, to every row"
            : "Assign an instance to every particle, or remove the null entries,";
        return InvalidModel(
            $"{entry} {index} of member '{memberName}' of '{typeName}' is null",
            $"{fix} before using the quotient methods.",
            parameterName);
    }

    /// <summary>Creates the exception for a coordinate that is NaN or infinite.</summary>
    /// <param name="value">The coordinate's value in invariant culture.</param>
    /// <param name="position">Where the coordinate sits, starting with a capital letter: the member and any index.</param>
    /// <param name="typeName">The model type.</param>
    /// <param name="parameterName">The parameter of the model, or <c>"this"</c> for the instance itself.</param>
    private static Exception NotFinite(string value, string position, string typeName, string parameterName) =>
        InvalidModel(
            $"{position} of '{typeName}' is {value}",
            "Every coordinate of a model must be finite. Set it to a finite value before using the quotient methods.",
            parameterName);

    /// <summary>
    /// Creates the exception for a model whose content a generated method cannot use. A model passed as a parameter
    /// gets <see cref="ArgumentException"/> with <see cref="ArgumentException.ParamName"/>, whose message already
    /// ends with the parameter's name, so the text does not repeat it. The instance the method runs on gets
    /// <see cref="InvalidOperationException"/>, whose message contains "in this instance".
    /// </summary>
    /// <param name="problem">What is invalid, without a final period: the member, any index, and the type.</param>
    /// <param name="remedy">One or more sentences with the step that fixes the model.</param>
    /// <param name="parameterName">The parameter of the model, or <c>"this"</c> for the instance itself.</param>
    /// <param name="inner">The exception a particle threw for its own content, kept as the inner exception.</param>
    private static Exception InvalidModel(string problem, string remedy, string parameterName, Exception? inner = null) =>
        parameterName == "this"
            ? new InvalidOperationException($"{problem} in this instance. {remedy}", inner)
            : new ArgumentException($"{problem}. {remedy}", parameterName, inner);

    private static string FormatInvariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string FormatInvariant(float value) => value.ToString(CultureInfo.InvariantCulture);

    private static void CheckPermutationLength(ReadOnlySpan<int> permutation, int count)
    {
        if (permutation.Length != count)
        {
            throw new ArgumentException(
                $"The permutation has length {permutation.Length} but there are {count} particles.",
                nameof(permutation));
        }
    }
}
