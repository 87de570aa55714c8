using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Client;

/// <summary>
/// One entry of a meter's Association SN object_list (Blue Book §4.4.3, sn_object_list_element): the base name the
/// meter gave the object, its class and version, and its logical name.
/// </summary>
/// <param name="BaseName">The short name of attribute 1; attribute n is at <c>BaseName + 8 × (n − 1)</c>, methods at
/// the class's method offsets.</param>
/// <param name="ClassId">The interface class id.</param>
/// <param name="Version">The interface class version.</param>
/// <param name="LogicalName">The object's OBIS code.</param>
public sealed record ShortNameObject(ushort BaseName, ushort ClassId, byte Version, ObisCode LogicalName);
