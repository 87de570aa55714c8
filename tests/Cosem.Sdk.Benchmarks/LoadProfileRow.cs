using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Benchmarks;

/// <summary>One row of a typical load profile: capture time and four energy registers.</summary>
public readonly record struct LoadProfileRow(CosemDateTime Time, uint Value1, uint Value2, uint Value3, uint Value4)
    : Objects.ITypedProfileRow<LoadProfileRow>
{
    /// <summary>Reads one row as the generated row types do: the structure header, then each column typed.</summary>
    public static LoadProfileRow Decode(ref AxdrReader reader)
    {
        reader.ReadStructureHeader(5);
        var time = reader.ReadDateTime();
        return new LoadProfileRow(time, reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32());
    }
}
