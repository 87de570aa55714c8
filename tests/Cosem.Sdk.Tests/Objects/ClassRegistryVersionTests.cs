using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Tests.Server;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Tests.Objects;

/// <summary>
/// The registry resolves (class id, version): every version the schema defines is its own generated type, and an
/// object-list entry with a version the SDK does not know gets the nearest known version's proxy and a warning,
/// never an untyped bare class id.
/// </summary>
public class ClassRegistryVersionTests
{
    private static readonly ObisCode Name = new(0, 0, 40, 0, 0, 255);

    [Theory]
    [InlineData(15, 0, typeof(AssociationLnV0))]
    [InlineData(15, 1, typeof(AssociationLnV1))]
    [InlineData(15, 2, typeof(AssociationLnV2))]
    [InlineData(15, 3, typeof(AssociationLn))]
    [InlineData(12, 0, typeof(AssociationSnV0))]
    [InlineData(12, 1, typeof(AssociationSnV1))]
    [InlineData(12, 2, typeof(AssociationSnV2))]
    [InlineData(12, 3, typeof(AssociationSnV3))]
    [InlineData(12, 4, typeof(AssociationSn))]
    [InlineData(7, 0, typeof(ProfileGenericV0))]
    [InlineData(7, 1, typeof(ProfileGeneric))]
    [InlineData(40, 0, typeof(PushSetupV0))]
    [InlineData(40, 1, typeof(PushSetupV1))]
    [InlineData(40, 2, typeof(PushSetup))]
    [InlineData(64, 0, typeof(SecuritySetupV0))]
    [InlineData(23, 0, typeof(IecHdlcSetupV0))]
    [InlineData(70, 0, typeof(DisconnectControlV0))]
    [InlineData(72, 0, typeof(MBusClientV0))]
    [InlineData(72, 1, typeof(MBusClient))]
    [InlineData(151, 0, typeof(LteMonitoringV0))]
    [InlineData(151, 1, typeof(LteMonitoring))]
    public void Every_declared_version_resolves_to_its_own_class(ushort classId, byte version, Type expected)
    {
        var info = CosemClassRegistry.Default.Resolve(classId, version);
        Assert.NotNull(info);
        Assert.Equal(expected.Name, info.Name);
        Assert.Equal(version, info.Version);
        Assert.IsType(expected.GetNestedType("Proxy")!, info.CreateProxy(new LoopbackSession([]), Name));
    }

    [Fact]
    public void A_newer_unknown_version_falls_back_to_the_highest_known_below_it_with_a_warning()
    {
        using var log = new CapturingLoggerProvider(LogLevel.Warning);
        var proxy = CosemClassRegistry.Default.CreateProxy(new LoopbackSession([]), 15, 9, Name, log.CreateLogger("test"));

        Assert.IsType<AssociationLn.Proxy>(proxy);
        var line = Assert.Single(log.Lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("class 15 version 9", line.Message, StringComparison.Ordinal);
        Assert.Contains("AssociationLn (version 3)", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_older_than_every_known_one_falls_back_to_the_lowest_known_above_it()
    {
        // IEC local port setup is defined from version 1 only.
        using var log = new CapturingLoggerProvider(LogLevel.Warning);
        var info = CosemClassRegistry.Default.Resolve(19, 0, log.CreateLogger("test"));

        Assert.Equal(nameof(IecLocalPortSetup), info?.Name);
        Assert.Equal((byte?)1, info?.Version);
        Assert.Single(log.Lines);
    }

    [Fact]
    public void An_exact_match_logs_nothing()
    {
        using var log = new CapturingLoggerProvider(LogLevel.Trace);
        Assert.Equal(nameof(Clock), CosemClassRegistry.Default.Resolve(8, 0, log.CreateLogger("test"))?.Name);
        Assert.Empty(log.Lines);
    }

    [Fact]
    public void A_class_of_which_no_version_is_known_resolves_to_nothing()
    {
        Assert.Null(CosemClassRegistry.Default.Resolve(9999, 0));
        Assert.Null(CosemClassRegistry.Default.CreateProxy(new LoopbackSession([]), 9999, 0, Name));
    }

    [Fact]
    public void The_nearest_version_prefers_the_one_below()
    {
        Assert.Equal((byte?)2, CosemClassRegistry.Default.FindNearest(40, 3)?.Version);
        Assert.Equal((byte?)0, CosemClassRegistry.Default.FindNearest(70, 0)?.Version);
    }
}
