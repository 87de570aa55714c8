using Cosem.Sdk.Translation;

namespace Cosem.Sdk.Fuzzing.Targets;

/// <summary>
/// The translator from bytes to text (<see cref="PduTranslator.ToXml"/>, <see cref="PduTranslator.ToJson"/>), with
/// the default frame codecs. What it writes it must read back: the XML and the JSON both encode again, to the same
/// bytes.
/// </summary>
public sealed class TranslatorBinaryTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "translator-binary";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        var translator = PduTranslator.Default;
        var xml = translator.ToXml(input);
        var json = translator.ToJson(input);
        byte[] fromXml;
        byte[] fromJson;
        try
        {
            fromXml = translator.FromXml(xml);
            fromJson = translator.FromJson(json);
        }
        catch (CosemException ex)
        {
            throw new FuzzFinding($"translator: its own text does not read back for {Convert.ToHexString(input)}:\n{xml}", ex);
        }
        if (!fromXml.AsSpan().SequenceEqual(fromJson))
        {
            throw new FuzzFinding($"translator: XML and JSON encode differently for {Convert.ToHexString(input)}");
        }
    }
}
