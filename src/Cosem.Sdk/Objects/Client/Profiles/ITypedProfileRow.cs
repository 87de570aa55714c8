using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

/// <summary>
/// A row type that reads itself from a profile buffer's A-XDR bytes, as the rows the generator emits from a device
/// profile do. <see cref="ProfileRowReader"/> calls <see cref="Decode"/> directly for such a type (no delegate per
/// row), so decoding a block of rows is one tight loop.
/// </summary>
/// <typeparam name="TSelf">The row type itself.</typeparam>
public interface ITypedProfileRow<TSelf>
    where TSelf : ITypedProfileRow<TSelf>
{
    /// <summary>Reads one row (its structure, header included, and nothing after it: the reader may hold the rest of
    /// the block).</summary>
    /// <param name="reader">Positioned at the row's structure.</param>
    /// <returns>The row.</returns>
    /// <exception cref="CosemEncodingException">The bytes are not a row of this type.</exception>
    static abstract TSelf Decode(ref AxdrReader reader);
}
