namespace SymmetryDsl.Tests;

public class SmokeTests
{
    [Fact]
    public void AttributeGroupRoundTrips() => Assert.Equal("hidden", new PermutationAttribute { Group = "hidden" }.Group);
}
