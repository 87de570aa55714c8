namespace Cosem.Sdk.Generators.Model;

/// <summary>Per-file MSBuild item metadata the generator honours.</summary>
/// <param name="IsReference"><c>CosemReference="true"</c>: declarations only, nothing emitted.</param>
/// <param name="Namespace"><c>CosemNamespace="..."</c>: namespace for declarations that name none.</param>
internal readonly record struct SchemaFileOptions(bool IsReference, string? Namespace);
