using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Objects;

/// <summary>
/// A working Compact data object (Blue Book class 62, §4.3.10): captures attributes of other server objects into
/// compact_buffer as <see cref="CompactDataEncoding"/> contents, preceded by template_id, and serves the matching
/// type description as template_description. capture (method 2) or, with capture_method implicit_capture_on_read,
/// every read of compact_buffer captures; reset (method 1) empties the buffer.
/// </summary>
/// <remarks>
/// The capture objects are the application's (<see cref="Capture"/>): a SET of capture_objects is refused with
/// read-write-denied because the object cannot reach other objects by name. The template follows the values
/// captured: when a captured value changes type or length of an array, template_description changes with it.
/// </remarks>
public class CompactDataServer : CompactData
{
    private readonly Lock _lock = new();
    private readonly List<(CosemObject Source, int Attribute)> _sources = [];
    private ReadOnlyMemory<byte> _buffer = ReadOnlyMemory<byte>.Empty;
    private ReadOnlyMemory<byte> _template = ReadOnlyMemory<byte>.Empty;

    /// <summary>Creates the object with no capture objects, template_id 1 and invoked capture.</summary>
    public CompactDataServer(ObisCode logicalName)
        : base(logicalName)
    {
        TemplateId = 1;
    }

    /// <summary>Adds attribute <paramref name="attribute"/> of <paramref name="source"/> to capture_objects; the
    /// buffer and template are emptied until the next capture.</summary>
    public CompactDataServer Capture(CosemObject source, int attribute = 2)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.FindAttribute(attribute) is null)
        {
            throw new ArgumentOutOfRangeException(nameof(attribute), attribute, $"{source} has no attribute {attribute}.");
        }
        lock (_lock)
        {
            _sources.Add((source, attribute));
            CaptureObjects = [.. _sources.Select(s => new CaptureObjectDefinition(s.Source.ClassId, s.Source.LogicalName, (sbyte)s.Attribute, 0))];
            _buffer = ReadOnlyMemory<byte>.Empty;
            _template = ReadOnlyMemory<byte>.Empty;
        }
        return this;
    }

    /// <summary>Reads every capture object now and replaces compact_buffer and template_description.</summary>
    /// <exception cref="CosemEncodingException">A captured value cannot be described by a compact template (an
    /// array whose elements differ in type).</exception>
    public async ValueTask CaptureNowAsync(CancellationToken cancellationToken = default)
    {
        (CosemObject Source, int Attribute)[] sources;
        lock (_lock)
        {
            sources = [.. _sources];
        }
        var value = new ArrayBufferWriter<byte>(64);
        var description = new ArrayBufferWriter<byte>(16);
        var contents = new ArrayBufferWriter<byte>(64);
        description.Write<byte>([(byte)Axdr.DataType.Structure]);
        WriteCount(description, sources.Length);
        contents.Write<byte>([TemplateId]);
        foreach (var (source, attribute) in sources)
        {
            value.ResetWrittenCount();
            var result = await source.ReadAttributeAsync(attribute, null, RequestContext.Local, value, cancellationToken).ConfigureAwait(false);
            // An attribute that cannot be read now is captured as null-data, as a profile does.
            CompactDataEncoding.Split(result == DataAccessResult.Success ? value.WrittenSpan : [0], description, contents);
        }
        lock (_lock)
        {
            _buffer = contents.WrittenMemory.ToArray();
            _template = description.WrittenMemory.ToArray();
        }
    }

    /// <summary>compact_buffer (attribute 2): template_id, then the contents of every capture object; captured
    /// first when capture_method is implicit_capture_on_read.</summary>
    protected override async ValueTask<ReadOnlyMemory<byte>> GetCompactBufferAsync(RequestContext context, CancellationToken cancellationToken)
    {
        if (CaptureMethod == CompactDataCaptureMethod.ImplicitCaptureOnRead)
        {
            await CaptureNowAsync(cancellationToken).ConfigureAwait(false);
        }
        lock (_lock)
        {
            return _buffer;
        }
    }

    /// <summary>template_description (attribute 5): the type description of the last capture (a structure with one
    /// element per capture object); empty before the first capture.</summary>
    protected override ValueTask<ReadOnlyMemory<byte>> GetTemplateDescriptionAsync(RequestContext context, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return new(_template);
        }
    }

    /// <summary>Refuses SET of compact_buffer and template_description with read-write-denied: capturing fills them.</summary>
    protected override ValueTask SetCompactBufferAsync(ReadOnlyMemory<byte> value, RequestContext context, CancellationToken cancellationToken) =>
        Denied("compact_buffer is filled by capturing.");

    /// <inheritdoc cref="SetCompactBufferAsync"/>
    protected override ValueTask SetTemplateDescriptionAsync(ReadOnlyMemory<byte> value, RequestContext context, CancellationToken cancellationToken) =>
        Denied("template_description follows the captured values.");

    /// <summary>Refuses SET of capture_objects with read-write-denied: the application chooses them with <see cref="Capture"/>.</summary>
    protected override ValueTask SetCaptureObjectsAsync(IReadOnlyList<CaptureObjectDefinition> value, RequestContext context, CancellationToken cancellationToken) =>
        Denied("The capture objects are configured by the application.");

    /// <summary>reset (method 1): empties compact_buffer.</summary>
    protected override ValueTask ResetAsync(RequestContext context, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _buffer = ReadOnlyMemory<byte>.Empty;
        }
        return default;
    }

    /// <summary>capture (method 2): <see cref="CaptureNowAsync"/>.</summary>
    protected override ValueTask CaptureAsync(RequestContext context, CancellationToken cancellationToken) => CaptureNowAsync(cancellationToken);

    private static ValueTask Denied(string message) =>
        ValueTask.FromException(new CosemServiceException(DataAccessResult.ReadWriteDenied, message));

    private static void WriteCount(IBufferWriter<byte> output, int count)
    {
        if (count < 0x80)
        {
            output.Write<byte>([(byte)count]);
        }
        else
        {
            output.Write<byte>([0x82, (byte)(count >> 8), (byte)count]);
        }
    }
}
