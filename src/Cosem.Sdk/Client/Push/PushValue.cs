using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Client;

/// <summary>One element of a pushed body matched with the push_object_list entry it carries.</summary>
/// <param name="Object">The attribute (and data index) the element is the value of.</param>
/// <param name="Value">The element as received.</param>
public sealed record PushValue(PushObjectDescriptor Object, CosemData Value);
