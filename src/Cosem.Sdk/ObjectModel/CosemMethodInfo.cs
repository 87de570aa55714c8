namespace Cosem.Sdk.ObjectModel;

/// <summary>What the server needs to know about one method of an interface class.</summary>
/// <param name="Index">Method index, from 1.</param>
/// <param name="Name">Blue Book name, e.g. <c>adjust_to_quarter</c>.</param>
/// <param name="Access">Default access; an association may grant or restrict it.</param>
/// <param name="ShortNameOffset">Offset from the object's base name for SN referencing, or -1 when none.</param>
public sealed record CosemMethodInfo(int Index, string Name, MethodAccess Access, int ShortNameOffset);
