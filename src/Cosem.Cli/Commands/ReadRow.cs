using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Cli.Commands;

/// <summary>
/// One attribute <c>cosem read</c> read: its value (with a warning when the meter deviated from the class
/// definition or the date-time rules) or the reason it could not be read. <c>KnownVersion</c> is the class version
/// its names come from: the nearest known one when the meter declares a version the registry lacks.
/// </summary>
internal sealed record ReadRow(CosemAttributeDescriptor Descriptor, byte Version, string ClassName, string AttributeName, CosemData? Value, string? Error,
    string? Warning = null, byte? KnownVersion = null)
{
    public DataFormatting.Hint Hint => DataFormatting.Hint.For(Descriptor.ClassId, Descriptor.AttributeId);

    public bool IsVersionFallback => KnownVersion is { } known && known != Version;

    public static ReadRow From(CosemAttributeDescriptor descriptor, byte version, CosemData? value, string? error)
    {
        var info = ClassDefinitions.Find(descriptor.ClassId, version);
        var name = info?.Attributes.FirstOrDefault(a => a.Index == descriptor.AttributeId)?.Name ?? "";
        return new ReadRow(descriptor, version, info?.Name ?? $"class {descriptor.ClassId}", name, value, error, KnownVersion: info?.Version);
    }

    /// <summary>
    /// The row with a warning (also written to <paramref name="error"/>) when its value has another type than the
    /// class defines or carries an irregular date-time deviation; the value is kept as received. With every
    /// tolerance off (<c>--strict</c>) an irregular deviation makes the row an error instead.
    /// </summary>
    public ReadRow Checked(TextWriter error, CompatibilityOptions compatibility)
    {
        if (Value is not { } value)
        {
            return this;
        }
        var warnings = new List<string>(2);
        if (!ClassDefinitions.Accepts(Descriptor.ClassId, Version, Descriptor.InstanceId, Descriptor.AttributeId, value.ToArray()))
        {
            warnings.Add($"{DataTypeInfo.Name(value.Type)} is not the type {ClassName} defines for {(AttributeName.Length > 0 ? AttributeName : $"attribute {Descriptor.AttributeId}")}; shown as received");
        }
        try
        {
            if (FirstIrregularDeviation(value, compatibility, depth: 0) is { } deviation)
            {
                warnings.Add(deviation);
            }
        }
        catch (Sdk.CosemEncodingException strict)
        {
            return this with { Value = null, Error = strict.Message };
        }
        if (warnings.Count == 0)
        {
            return this;
        }
        var text = string.Join("; ", warnings);
        error.WriteLine($"warning: {Descriptor.InstanceId} attribute {Descriptor.AttributeId}: {text}.");
        return this with { Warning = text };
    }

    // Date-times sit at the top (clock time) or one or two levels down (profile rows, schedules).
    private static string? FirstIrregularDeviation(CosemData value, CompatibilityOptions compatibility, int depth)
    {
        if (DataFormatting.AsDateTime(value) is { } dateTime)
        {
            return DateTimeDeviation.Check(dateTime, compatibility);
        }
        if (depth < 3 && value.Type is DataType.Structure or DataType.Array or DataType.CompactArray)
        {
            foreach (var item in value.Items)
            {
                if (FirstIrregularDeviation(item, compatibility, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }
        return null;
    }
}
