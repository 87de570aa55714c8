using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// Selective access to an attribute (IEC 62056-5-3 §8, Selective-Access-Descriptor): an access selector and its
/// parameters, one Data value kept encoded. For profile generic buffers, selector 1 is by range and 2 by entry
/// (Blue Book, class 7).
/// </summary>
public readonly record struct SelectiveAccessDescriptor(byte Selector, ReadOnlyMemory<byte> Parameters)
{
    /// <summary>Decodes the selector and one Data value, slicing the parameters out of <paramref name="source"/>,
    /// the buffer the reader was created over.</summary>
    public static SelectiveAccessDescriptor Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        byte selector = reader.ReadRawByte("access-selector");
        int start = reader.Position;
        reader.SkipData();
        return new SelectiveAccessDescriptor(selector, source[start..reader.Position]);
    }

    /// <summary>Writes access-selector (Unsigned8) followed by the already-encoded access-parameters Data.</summary>
    public void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte(Selector);
        writer.WriteEncoded(Parameters.Span);
    }

    /// <summary>Compares the selector and the contents of the encoded parameters.</summary>
    public bool Equals(SelectiveAccessDescriptor other) =>
        Selector == other.Selector && Parameters.Span.SequenceEqual(other.Parameters.Span);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Selector, Parameters.Length);
}
