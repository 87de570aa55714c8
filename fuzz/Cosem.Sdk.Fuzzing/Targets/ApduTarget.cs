using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Fuzzing.Targets;

/// <summary>
/// The xDLMS and ACSE APDU decoder (<see cref="ApduDecoder.Decode"/>). What decodes must encode again, and
/// encoding is a fixed point after one round: encode(decode(encode(decode(x)))) == encode(decode(x)).
/// </summary>
public sealed class ApduTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "apdu";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input) => RoundTrip(Name, ApduDecoder.Decode(input.ToArray()), input);

    /// <summary>Checks that <paramref name="decoded"/> re-encodes to a stable canonical form.</summary>
    internal static void RoundTrip(string target, Apdu.Apdu decoded, ReadOnlySpan<byte> input)
    {
        _ = decoded.ToString();
        byte[] canonical;
        try
        {
            canonical = decoded.ToArray();
        }
        catch (CosemException ex)
        {
            throw new FuzzFinding($"{target}: a decoded {decoded.GetType().Name} does not encode ({Convert.ToHexString(input)})", ex);
        }
        var again = ApduDecoder.Decode(canonical).ToArray();
        if (!again.AsSpan().SequenceEqual(canonical))
        {
            throw new FuzzFinding($"{target}: {decoded.GetType().Name} is not stable: {Convert.ToHexString(canonical)} -> {Convert.ToHexString(again)}");
        }
    }
}
