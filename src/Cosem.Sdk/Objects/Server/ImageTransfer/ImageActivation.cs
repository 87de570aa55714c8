namespace Cosem.Sdk.Objects;

/// <summary>The image an <see cref="ImageTransferServer"/> activates, handed to its
/// <see cref="ImageTransferServer.Activating"/> callback.</summary>
/// <param name="Identifier">The image_identifier the client gave at image_transfer_initiate.</param>
/// <param name="Image">The whole image as transferred (trailer included, when the convention has one).</param>
/// <param name="Signature">What verification reported as the image's signature (image_to_activate_signature).</param>
public sealed record ImageActivation(ReadOnlyMemory<byte> Identifier, ReadOnlyMemory<byte> Image, ReadOnlyMemory<byte> Signature);
