using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Benchmarks;

/// <summary>One row of a typical load profile: capture time and four energy registers.</summary>
public readonly record struct LoadProfileRow(CosemDateTime Time, uint Value1, uint Value2, uint Value3, uint Value4);
