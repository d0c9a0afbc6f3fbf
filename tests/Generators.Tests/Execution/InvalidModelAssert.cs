namespace SymmetryDsl.Generators.Tests.Execution;

/// <summary>Assertions for the exceptions that generated methods throw for a model whose content is invalid.</summary>
internal static class InvalidModelAssert
{
    /// <summary>
    /// Asserts that <paramref name="call"/> throws as the generated methods must for an invalid model. For the
    /// instance itself that is <see cref="InvalidOperationException"/> whose message contains "in this instance".
    /// For a parameter it is exactly <see cref="ArgumentException"/> with that <see cref="ArgumentException.ParamName"/>,
    /// whose message names the parameter only in the suffix that .NET appends.
    /// </summary>
    /// <param name="parameter">The parameter that receives the invalid model, or <c>"this"</c>.</param>
    /// <param name="problem">The expected start of the message, up to the model: the member, any index and the type.</param>
    /// <param name="call">The call with the invalid model.</param>
    public static void Throws(string parameter, string problem, Action call)
    {
        if (parameter == "this")
        {
            var error = Assert.Throws<InvalidOperationException>(call);
            Assert.StartsWith($"{problem} in this instance. ", error.Message);
            return;
        }

        var argumentError = Assert.Throws<ArgumentException>(call);
        Assert.Equal(parameter, argumentError.ParamName);
        Assert.StartsWith($"{problem}. ", argumentError.Message);
        Assert.EndsWith($". (Parameter '{parameter}')", argumentError.Message);
    }
}
