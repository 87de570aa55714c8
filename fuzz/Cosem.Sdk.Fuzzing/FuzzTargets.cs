using Cosem.Sdk.Fuzzing.Targets;

namespace Cosem.Sdk.Fuzzing;

/// <summary>Every fuzz target, by name (the order CI runs them in).</summary>
public static class FuzzTargets
{
    /// <summary>All targets.</summary>
    public static IReadOnlyList<IFuzzTarget> All { get; } =
    [
        new AxdrTarget(),
        new ApduTarget(),
        new AcseTarget(),
        new HdlcTarget(),
        new WrapperTarget(),
        new TranslatorBinaryTarget(),
        new TranslatorTextTarget(),
        new SchemaTarget(),
        new ServerSessionTarget(),
        new PushTarget(),
        new CompactDataTarget(),
    ];

    /// <summary>The target called <paramref name="name"/>, or null.</summary>
    public static IFuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
