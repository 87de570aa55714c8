using System.Text;
using Cosem.Sdk.Translation;

namespace Cosem.Sdk.Fuzzing.Targets;

/// <summary>
/// The translator from text to bytes: input starting with '&lt;' is read as XML (<see cref="PduTranslator.FromXml(string)"/>),
/// anything else as JSON (<see cref="PduTranslator.FromJson"/>). What encodes must decode again.
/// </summary>
public sealed class TranslatorTextTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "translator-text";

    /// <inheritdoc />
    public int MaxLength => 8192;

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        var translator = PduTranslator.Default;
        var encoded = text.TrimStart().StartsWith('<') ? translator.FromXml(text) : translator.FromJson(text);
        try
        {
            _ = translator.ToXml(encoded);
        }
        catch (CosemException ex)
        {
            throw new FuzzFinding($"translator: bytes it encoded do not decode: {Convert.ToHexString(encoded)}", ex);
        }
    }
}
