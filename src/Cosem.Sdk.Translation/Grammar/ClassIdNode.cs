using System.Globalization;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>Cosem-Class-Id (Unsigned16), with the interface class name when the Blue Book defines it.</summary>
internal sealed class ClassIdNode : GrammarNode
{
    public static ClassIdNode Instance { get; } = new();

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        ushort classId = reader.ReadRawUInt16(context.Path);
        target.Set("Value", classId.ToString(CultureInfo.InvariantCulture));
        if (CosemClassNames.TryGet(classId, out var name))
        {
            target.Set("Name", name);
        }
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        if (cursor.Attribute("Value") is { } text)
        {
            writer.WriteUInt16((ushort)cursor.ParseUnsigned("Value", text, ushort.MaxValue));
        }
        else if (cursor.Attribute("Name") is { } name && CosemClassNames.TryGetId(name, out ushort id))
        {
            writer.WriteUInt16(id);
        }
        else
        {
            throw cursor.Error("Missing attribute Value (the class id).");
        }
    }
}
