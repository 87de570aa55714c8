using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Client;

/// <summary>
/// One entry of a meter's push_object_list (Push setup, class 40, attribute 2): the attribute whose value fills the
/// matching element of a pushed data-notification body. Mirrors the Objects layer's capture object definition so the
/// client layer needs no generated type.
/// </summary>
/// <param name="ClassId">The pushed object's interface class.</param>
/// <param name="LogicalName">The pushed object's logical name.</param>
/// <param name="AttributeIndex">The attribute pushed; 0 pushes the whole object (every attribute, as a structure).</param>
/// <param name="DataIndex">The element of an array or structure attribute pushed (1-based); 0 pushes the whole value.</param>
public readonly record struct PushObjectDescriptor(ushort ClassId, ObisCode LogicalName, sbyte AttributeIndex, ushort DataIndex = 0)
{
    /// <summary>class/logical name/attribute[/data index], as the CLI prints it.</summary>
    public override string ToString() => DataIndex == 0
        ? $"{ClassId}/{LogicalName}/{AttributeIndex}"
        : $"{ClassId}/{LogicalName}/{AttributeIndex}/{DataIndex}";
}
