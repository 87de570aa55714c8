namespace Cosem.Sdk.Tests.Architecture;

/// <summary>
/// Users import several Cosem.Sdk namespaces at once (Objects, Client, Axdr, …). A public type name defined in two
/// namespaces (say a generated enum and a runtime one) would make their code ambiguous (CS0104).
/// </summary>
public class PublicNameTests
{
    [Fact]
    public void No_two_public_top_level_types_share_a_name()
    {
        var types = new[] { typeof(Cosem.Sdk.Obis.ObisCode).Assembly, typeof(Cosem.Sdk.Objects.Clock).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => !t.IsNested);
        var clashes = types.GroupBy(t => t.Name)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.Namespace))}")
            .ToList();
        Assert.Empty(clashes);
    }
}
