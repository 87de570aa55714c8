using System.Buffers;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;

namespace Cosem.Cli.Commands;

/// <summary>
/// What the class definitions (the generated classes in <see cref="CosemClassRegistry"/>) say about an attribute's
/// type, found by asking a fresh in-memory instance of the class: its default value shows the type to write, and
/// whether it accepts a value shows whether the value has the type the class defines.
/// </summary>
internal static class ClassDefinitions
{
    public static CosemClassInfo? Find(ushort classId, byte version) =>
        CosemClassRegistry.Default.Resolve(classId, version);

    /// <summary>The default value of the attribute in a fresh instance of its class: its type and shape; null when unknown.</summary>
    public static CosemData? Template(ushort classId, byte version, ObisCode logicalName, sbyte attribute)
    {
        if (Find(classId, version) is not { } info)
        {
            return null;
        }
        var output = new ArrayBufferWriter<byte>();
        try
        {
            var result = info.CreateServer(logicalName).ReadAttributeAsync(attribute, null, RequestContext.Local, output).AsTask().GetAwaiter().GetResult();
            return result == Sdk.Apdu.DataAccessResult.Success ? CosemData.Decode(output.WrittenMemory.ToArray()) : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A best-effort look at the class definition: a class that cannot say gives no template.
            return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="encoded"/> has the type the class defines for the attribute: false only when the
    /// class is known and refuses it as type-unmatched.
    /// </summary>
    public static bool Accepts(ushort classId, byte version, ObisCode logicalName, sbyte attribute, ReadOnlyMemory<byte> encoded)
    {
        if (Find(classId, version) is not { } info || attribute == 1)
        {
            return true;
        }
        try
        {
            var result = info.CreateServer(logicalName).WriteAttributeAsync(attribute, encoded, RequestContext.Local).AsTask().GetAwaiter().GetResult();
            return result != Sdk.Apdu.DataAccessResult.TypeUnmatched;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A class that cannot check the value does not make it a mismatch.
            return true;
        }
    }
}
