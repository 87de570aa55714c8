using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>Element names of the Data types: the IEC 62056-6-2 names in PascalCase ("double-long-unsigned" → DoubleLongUnsigned).</summary>
internal static class DataTypeNames
{
    private static readonly Dictionary<DataType, string> ByType = Enum.GetValues<DataType>()
        .ToDictionary(type => type, type => ToPascalCase(DataTypeInfo.Name(type)));

    private static readonly Dictionary<string, DataType> ByName = ByType.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string ElementName(DataType type) => ByType[type];

    public static bool TryParseElementName(string name, out DataType type) => ByName.TryGetValue(name, out type);

    public static string ToPascalCase(string kebab) =>
        string.Concat(kebab.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
