using System.Reflection;
using System.Runtime.ExceptionServices;

namespace SymmetryDsl.Generators.Tests.Execution;

/// <summary>Reflection access to generated model types loaded from the in-memory assembly.</summary>
internal static class ModelAccess
{
    /// <summary>
    /// The quotient methods, each called with a broken model in one position and a valid model of the same shape in
    /// any other, and the parameter that receives the broken model: <c>this</c>, <c>x</c> or <c>y</c>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Parameter, Action<object, object> Call)> QuotientMethodCalls =
        new Dictionary<string, (string Parameter, Action<object, object> Call)>
        {
            ["Apply"] = ("this", (broken, valid) => Apply(broken, IdentityElement(valid))),
            ["Canonicalize"] = ("this", (broken, _) => Canonicalize(broken)),
            ["OrbitDistanceSquared(x)"] = ("x", (broken, valid) => OrbitDistanceSquared(broken, valid)),
            ["OrbitDistanceSquared(y)"] = ("y", (broken, valid) => OrbitDistanceSquared(valid, broken)),
            ["OrbitDistance"] = ("y", (broken, valid) => CallStatic(broken.GetType(), "OrbitDistance", valid, broken)),
            ["AreEquivalent"] = ("x", (broken, valid) => CallStatic(broken.GetType(), "AreEquivalent", broken, valid, 0.5)),
            ["Align(x)"] = ("x", (broken, valid) => Align(broken, valid)),
            ["Align(y)"] = ("y", (broken, valid) => Align(valid, broken)),
        };

    public static object Create(Type type, params (string Member, object? Value)[] values)
    {
        var model = Activator.CreateInstance(type)!;
        foreach (var (member, value) in values)
        {
            Set(model, member, value);
        }

        return model;
    }

    /// <summary>Sets a field or property. On a boxed struct the box changes in place.</summary>
    public static void Set(object model, string member, object? value)
    {
        var type = model.GetType();
        if (type.GetField(member) is { } field)
        {
            field.SetValue(model, value);
        }
        else
        {
            type.GetProperty(member)!.SetValue(model, value);
        }
    }

    public static object? Get(object model, string member)
    {
        var type = model.GetType();
        return type.GetField(member) is { } field ? field.GetValue(model) : type.GetProperty(member)!.GetValue(model);
    }

    public static T Get<T>(object model, string member) => (T)Get(model, member)!;

    public static object? CallStatic(Type type, string method, params object?[] arguments)
    {
        try
        {
            return type.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    public static object? Call(object model, string method, params object?[] arguments)
    {
        try
        {
            return model.GetType().GetMethod(method, BindingFlags.Public | BindingFlags.Instance)!.Invoke(model, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>Runs <paramref name="action"/> and throws the innermost exception that reflection wrapped.</summary>
    public static void Unwrapped(Action action)
    {
        try
        {
            action();
        }
        catch (TargetInvocationException e)
        {
            Exception inner = e;
            while (inner is TargetInvocationException { InnerException: { } next })
            {
                inner = next;
            }

            ExceptionDispatchInfo.Throw(inner);
        }
    }

    public static double OrbitDistanceSquared(object x, object y) => (double)CallStatic(x.GetType(), "OrbitDistanceSquared", x, y)!;

    public static object Align(object x, object y) => CallStatic(x.GetType(), "Align", x, y)!;

    public static object RandomElement(object shape, Random random) => CallStatic(shape.GetType(), "RandomGroupElement", shape, random)!;

    public static object IdentityElement(object shape) => CallStatic(shape.GetType(), "IdentityElement", shape)!;

    public static object Apply(object model, object element) => Call(model, "Apply", element)!;

    public static object Canonicalize(object model) => Call(model, "Canonicalize")!;

    public static double[] Coordinates(object model)
    {
        var count = (int)Get(model, "ParameterCount")!;
        var values = new double[count];
        InvokeWithSpan(model, "CopyTo", values);
        return values;
    }

    public static double[] Weights(object model)
    {
        var count = (int)Get(model, "ParameterCount")!;
        var values = new double[count];
        InvokeWithSpan(model, "GetMetricWeights", values);
        return values;
    }

    /// <summary>Returns Σ w (θx − θy)², the squared distance in the model's metric without any group action.</summary>
    public static double FlatSquaredDistance(object x, object y)
    {
        var a = Coordinates(x);
        var b = Coordinates(y);
        var w = Weights(x);
        Assert.Equal(a.Length, b.Length);
        var total = 0d;
        for (var i = 0; i < a.Length; i++)
        {
            total += w[i] * (a[i] - b[i]) * (a[i] - b[i]);
        }

        return total;
    }

    /// <summary>Returns the bytes allocated by repeated distance calls after a warm-up call, which rents the pooled buffers.</summary>
    public static long MeasureAllocations(object x, object y)
    {
        var measure = typeof(ModelAccess)
            .GetMethod(nameof(MeasureDistanceAllocations), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(x.GetType());
        return (long)measure.Invoke(null, [x, y])!;
    }

    private static long MeasureDistanceAllocations<T>(T x, T y)
        where T : IQuotientModel<T>
    {
        _ = T.OrbitDistanceSquared(x, y);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            _ = T.OrbitDistanceSquared(x, y);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Calls a method that takes a span, which reflection cannot pass, through the model interface.</summary>
    public static void InvokeWithSpan(object model, string method, double[] values)
    {
        var call = typeof(ModelAccess)
            .GetMethod(nameof(CallSpan), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(model.GetType());
        try
        {
            call.Invoke(null, [model, method, values]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static void CallSpan<T>(T model, string method, double[] values)
        where T : IQuotientModel<T>
    {
        switch (method)
        {
            case "CopyTo":
                model.CopyTo(values);
                break;
            case "CopyFrom":
                model.CopyFrom(values);
                break;
            default:
                model.GetMetricWeights(values);
                break;
        }
    }

    public static IEnumerable<int[]> Permutations(int n)
    {
        var items = Enumerable.Range(0, n).ToArray();
        return Permute(items, 0);

        static IEnumerable<int[]> Permute(int[] items, int start)
        {
            if (start >= items.Length - 1)
            {
                yield return (int[])items.Clone();
                yield break;
            }

            for (var i = start; i < items.Length; i++)
            {
                (items[start], items[i]) = (items[i], items[start]);
                foreach (var p in Permute(items, start + 1))
                {
                    yield return p;
                }

                (items[start], items[i]) = (items[i], items[start]);
            }
        }
    }

    /// <summary>Returns min over integer k in [−8, 8] of (x + kP − y)², by trying every k.</summary>
    public static double CircleSquared(double x, double y, double period)
    {
        var best = double.PositiveInfinity;
        for (var k = -8; k <= 8; k++)
        {
            var d = x + (k * period) - y;
            best = Math.Min(best, d * d);
        }

        return best;
    }

    /// <summary>Returns min over permutations σ of (1/n) Σᵢ cost(i, σ(i)), by trying every σ.</summary>
    public static double BruteForceAssignment(int n, Func<int, int, double> cost)
    {
        if (n == 0)
        {
            return 0;
        }

        var best = double.PositiveInfinity;
        foreach (var sigma in Permutations(n))
        {
            var total = 0d;
            for (var i = 0; i < n; i++)
            {
                total += cost(i, sigma[i]);
            }

            best = Math.Min(best, total / n);
        }

        return best;
    }
}
