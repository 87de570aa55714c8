using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

public partial class CompactData
{
    /// <summary>Reading a meter's Compact data object into typed values.</summary>
    public sealed partial class Proxy
    {
        /// <summary>
        /// Reads compact_buffer, template_id, template_description and capture_objects and decodes the buffer against
        /// the description (<see cref="CompactDataEncoding"/>): the buffer is template_id followed by the contents, and
        /// the description a structure with one element per capture object.
        /// </summary>
        /// <exception cref="CosemEncodingException">The buffer was captured with another template, or does not match
        /// the description, or the description does not have one element per capture object.</exception>
        public async ValueTask<CompactDataReading> ReadCompactAsync(CancellationToken cancellationToken = default)
        {
            // The buffer first: with implicit_capture_on_read, reading it is what captures (and sets the template).
            var buffer = await GetCompactBufferAsync(cancellationToken).ConfigureAwait(false);
            var templateId = await GetTemplateIdAsync(cancellationToken).ConfigureAwait(false);
            var description = await GetTemplateDescriptionAsync(cancellationToken).ConfigureAwait(false);
            var captureObjects = await GetCaptureObjectsAsync(cancellationToken).ConfigureAwait(false);
            return Decode(templateId, description.Span, captureObjects, buffer.Span);
        }

        /// <summary>Decodes a compact_buffer read earlier (e.g. pushed) against its template.</summary>
        /// <param name="templateId">The template_id the description belongs to.</param>
        /// <param name="description">template_description.</param>
        /// <param name="captureObjects">capture_objects.</param>
        /// <param name="buffer">compact_buffer: template_id, then the contents.</param>
        /// <exception cref="CosemEncodingException">As <see cref="ReadCompactAsync"/>.</exception>
        public static CompactDataReading Decode(byte templateId, ReadOnlySpan<byte> description, IReadOnlyList<CaptureObjectDefinition> captureObjects,
            ReadOnlySpan<byte> buffer)
        {
            ArgumentNullException.ThrowIfNull(captureObjects);
            if (buffer.IsEmpty)
            {
                return new CompactDataReading(templateId, captureObjects, []);
            }
            if (buffer[0] != templateId)
            {
                throw new CosemEncodingException($"compact_buffer was captured with template {buffer[0]}; template_description is for template {templateId}.");
            }
            var values = CompactDataEncoding.Decode(description, buffer[1..]);
            if (values.Type != DataType.Structure || values.Count != captureObjects.Count)
            {
                throw new CosemEncodingException($"template_description describes {values.Count} value(s) for {captureObjects.Count} capture object(s).");
            }
            return new CompactDataReading(templateId, captureObjects, values.Items);
        }
    }
}
