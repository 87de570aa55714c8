namespace Cosem.Sdk.Transport.Serial;

/// <summary>
/// A serial line whose character format can change on the fly, as the IEC 62056-21 mode E opening needs. The
/// Cosem.Sdk.Transport.Serial package implements it over System.IO.Ports; tests implement it over any stream pair.
/// </summary>
public interface ISerialLine
{
    /// <summary>The bytes of the line in both directions.</summary>
    Stream Stream { get; }

    /// <summary>Switches baud rate and character format (pending output is sent first).</summary>
    ValueTask ConfigureAsync(SerialLineSettings settings, CancellationToken cancellationToken = default);
}
