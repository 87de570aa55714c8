namespace Cosem.Sdk.Client;

/// <summary>
/// A meter's block transfer went beyond what the client holds for one answer: more blocks than
/// <see cref="AssociationOptions.MaxAnswerBlocks"/> or more bytes than <see cref="AssociationOptions.MaxAnswerBytes"/>.
/// The request ends; the association stays usable.
/// </summary>
public sealed class CosemAnswerLimitException : CosemProtocolException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was read and which limit it crossed.</param>
    /// <param name="blocks">The blocks received when the limit was crossed.</param>
    /// <param name="bytes">The answer bytes held when the limit was crossed.</param>
    public CosemAnswerLimitException(string message, int blocks, long bytes)
        : base(message)
    {
        Blocks = blocks;
        Bytes = bytes;
    }

    /// <summary>The blocks received when the limit was crossed.</summary>
    public int Blocks { get; }

    /// <summary>The answer bytes held when the limit was crossed.</summary>
    public long Bytes { get; }
}
