using Cosem.Sdk.Apdu;
using Cosem.Sdk.Ber;

namespace Cosem.Sdk.Fuzzing.Targets;

/// <summary>
/// The ACSE decoder (AARQ, AARE, RLRQ, RLRE: <see cref="ApduDecoder.DecodeAcse"/>) and, on the same bytes, a
/// generic walk of the BER reader through nested constructed values.
/// </summary>
public sealed class AcseTarget : IFuzzTarget
{
    private const int MaxDepth = 16;

    /// <inheritdoc />
    public string Name => "acse";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            Walk(new BerReader(input), 0);
        }
        catch (CosemException)
        {
            // Garbage for the generic walk; the ACSE decoder below still gets its turn.
        }
        ApduTarget.RoundTrip(Name, ApduDecoder.DecodeAcse(input.ToArray()), input);
    }

    private static void Walk(BerReader reader, int depth)
    {
        while (!reader.IsAtEnd)
        {
            var tag = reader.PeekTag();
            if (tag.IsConstructed && depth < MaxDepth)
            {
                Walk(reader.ReadConstructed(tag, "constructed"), depth + 1);
            }
            else
            {
                var contents = reader.ReadValue(out var read);
                if (read == BerTag.Integer && contents.Length is > 0 and <= 8)
                {
                    BerReader.DecodeInteger(contents, 0, "integer");
                }
            }
        }
    }
}
