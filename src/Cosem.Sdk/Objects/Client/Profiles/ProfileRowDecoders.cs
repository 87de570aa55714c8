using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

// How the splitter reads one row. Passed as a struct type argument so the JIT compiles the row loop once per decoder:
// for a typed row the call to TRow.Decode is direct (and inlinable) instead of a delegate call per row.
internal interface IProfileRowDecoder<TRow>
{
    TRow Decode(ref AxdrReader reader);
}

/// <summary>Decodes with a row type's own static <see cref="ITypedProfileRow{TSelf}.Decode"/>.</summary>
internal readonly struct TypedRowDecoder<TRow> : IProfileRowDecoder<TRow>
    where TRow : ITypedProfileRow<TRow>
{
    public TRow Decode(ref AxdrReader reader) => TRow.Decode(ref reader);
}

/// <summary>Decodes with a caller's delegate (rows without a generated type, such as <see cref="ProfileShape"/>'s).</summary>
internal readonly struct DelegateRowDecoder<TRow>(AxdrDecoder<TRow> decode) : IProfileRowDecoder<TRow>
{
    public TRow Decode(ref AxdrReader reader) => decode(ref reader);
}
