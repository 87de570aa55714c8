namespace Cosem.Sdk.Generators;

/// <summary>Names of the tracked pipeline steps; the incremental tests assert on them.</summary>
internal static class TrackingNames
{
    public const string Options = nameof(Options);
    public const string ParseSchema = nameof(ParseSchema);
    public const string BuildCatalog = nameof(BuildCatalog);
    public const string Catalog = nameof(Catalog);
    public const string NamedTypeModel = nameof(NamedTypeModel);
    public const string ClassModel = nameof(ClassModel);
    public const string DeviceModel = nameof(DeviceModel);
    public const string Registry = nameof(Registry);
}
