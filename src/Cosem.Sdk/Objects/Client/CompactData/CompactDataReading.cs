using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

/// <summary>One read of a Compact data object, decoded: the template the buffer was captured with and one typed
/// value per capture object.</summary>
/// <param name="TemplateId">The template_id the buffer starts with.</param>
/// <param name="CaptureObjects">capture_objects, in order.</param>
/// <param name="Values">The captured values, one per capture object, typed by template_description.</param>
public sealed record CompactDataReading(byte TemplateId, IReadOnlyList<CaptureObjectDefinition> CaptureObjects, IReadOnlyList<CosemData> Values);
