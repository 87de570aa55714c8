using System.Collections.Frozen;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Client;

// SN referencing (IEC 62056-5-3 §9.5, Blue Book §4.4.3): the AARQ's context, the Association SN object list read
// after associating, and the mapping of LN descriptors to short names that lets GET/SET/ACTION — and so the typed
// proxies — run over Read/Write unchanged.
public sealed partial class CosemClient
{
    /// <summary>The base name of the current Association SN object (Blue Book §4.4.3: always 0xFA00).</summary>
    public const ushort CurrentAssociationBaseName = 0xFA00;

    private const ushort AssociationSnClassId = 12;
    private const ushort AssociationLnClassId = 15;
    // The version assumed for the current association before its object list says otherwise.
    private const byte AssociationSnVersion = 4;
    private static readonly ObisCode CurrentAssociationName = new(0, 0, 40, 0, 0, 255);

    private FrozenDictionary<ObisCode, ShortNameObject> _shortNames = FrozenDictionary<ObisCode, ShortNameObject>.Empty;

    /// <summary>Whether this association uses SN referencing (<see cref="AssociationOptions.Referencing"/>).</summary>
    public bool IsShortName => Options.Referencing == Referencing.ShortName;

    /// <summary>
    /// The meter's objects by logical name with their base names, from the Association SN object list read when the
    /// association opened; empty under LN referencing.
    /// </summary>
    public IReadOnlyDictionary<ObisCode, ShortNameObject> ShortNames => _shortNames;

    /// <summary>
    /// Raised for every InformationReportRequest (an SN meter's unsolicited report) the client receives while it
    /// waits for an answer; the report is decoded from its own copy, so a handler may keep it. A handler that throws
    /// is logged and does not disturb the request in progress.
    /// </summary>
    public event EventHandler<InformationReportRequest>? InformationReportReceived;

    /// <summary>The short name of <paramref name="attribute"/>: its object's base name plus the attribute offset
    /// (8 × (index − 1), Blue Book §4.1.3). Throws <see cref="CosemServiceException"/> (object-undefined) when the
    /// object is not in the object list and <see cref="CosemProtocolException"/> when its class gives the attribute no
    /// short name.</summary>
    public ushort ShortNameOf(CosemAttributeDescriptor attribute)
    {
        var entry = Find(attribute.ClassId, attribute.InstanceId, attribute.ToString());
        var offset = ShortNameLayouts.AttributeOffset(entry.ClassId, entry.Version, attribute.AttributeId);
        if (offset < 0)
        {
            throw new CosemProtocolException($"Class {entry.ClassId} version {entry.Version} gives attribute {attribute.AttributeId} no short name, so {attribute} cannot be read or written over SN.");
        }
        return Offset(entry, offset, attribute.ToString());
    }

    /// <summary>The short name of <paramref name="method"/>: its object's base name plus the method offset the class
    /// defines (Blue Book class tables; e.g. Clock's first method at 0x60). Throws <see cref="CosemServiceException"/>
    /// when the object is not in the object list and <see cref="CosemProtocolException"/> when the class defines no
    /// short name for the method.</summary>
    public ushort ShortNameOf(CosemMethodDescriptor method)
    {
        var entry = Find(method.ClassId, method.InstanceId, method.ToString());
        var offset = ShortNameLayouts.MethodOffset(entry.ClassId, entry.Version, method.MethodId);
        if (offset < 0)
        {
            throw new CosemProtocolException($"Class {entry.ClassId} version {entry.Version} defines no short name for method {method.MethodId}, so {method} cannot be invoked over SN.");
        }
        return Offset(entry, offset, method.ToString());
    }

    private static ushort Offset(ShortNameObject entry, int offset, string what)
    {
        var name = entry.BaseName + offset;
        if (offset < 0 || name > ushort.MaxValue)
        {
            throw new CosemProtocolException($"{what} has no short name below 0xFFFF (base name 0x{entry.BaseName:X4}, offset {offset}).");
        }
        return (ushort)name;
    }

    private ShortNameObject Find(ushort classId, ObisCode logicalName, string what)
    {
        if (logicalName == CurrentAssociationName && classId is AssociationSnClassId or AssociationLnClassId)
        {
            // The current association: 0xFA00 whatever the object list calls it (HLS replies go here before it is read).
            return new ShortNameObject(CurrentAssociationBaseName, AssociationSnClassId, CurrentAssociationVersion(), logicalName);
        }
        if (!_shortNames.TryGetValue(logicalName, out var entry))
        {
            throw new CosemServiceException(DataAccessResult.ObjectUndefined, $"{what}: {logicalName} is not in the meter's Association SN object list.");
        }
        if (entry.ClassId != classId)
        {
            throw new CosemServiceException(DataAccessResult.ObjectClassInconsistent, $"{what}: {logicalName} is of class {entry.ClassId} on the meter, not {classId}.");
        }
        return entry;
    }

    private byte CurrentAssociationVersion()
    {
        foreach (var entry in _shortNames.Values)
        {
            if (entry.BaseName == CurrentAssociationBaseName)
            {
                return entry.Version;
            }
        }
        return AssociationSnVersion;
    }

    /// <summary>The AARQ's context: LN or SN as <see cref="AssociationOptions.Referencing"/> says, with ciphering
    /// when the association is protected (IEC 62056-5-3 §9.4.2.2.2, context names 1–4).</summary>
    private ApplicationContextName ProposedContext(ApduProtection? protection)
    {
        var ciphered = protection is not null && protection.ApplicationContextName is ApplicationContextName.LogicalNameWithCiphering or ApplicationContextName.ShortNameWithCiphering;
        if (!IsShortName)
        {
            return protection?.ApplicationContextName ?? ApplicationContextName.LogicalName;
        }
        return ciphered ? ApplicationContextName.ShortNameWithCiphering : ApplicationContextName.ShortName;
    }

    /// <summary>The conformance proposed: the SN services when SN referencing is asked for with the LN default left
    /// in place, else what the options say.</summary>
    private Conformance ProposedConformance() =>
        IsShortName && Options.ProposedConformance == AssociationOptions.DefaultConformance
            ? Options.WithGeneralBlockTransfer(AssociationOptions.ShortNameConformance)
            : Options.EffectiveProposedConformance;

    /// <summary>After an SN association opens: reads the object list (0xFA00, attribute 2) into <see cref="ShortNames"/>.</summary>
    private async ValueTask LoadShortNamesAsync(CancellationToken cancellationToken)
    {
        if (!IsShortName)
        {
            return;
        }
        var list = await ReadValueAsync(VariableAccessSpecification.ByName(CurrentAssociationBaseName + 8), "the Association SN object list",
            DecodeObjectList, cancellationToken).ConfigureAwait(false);
        var map = new Dictionary<ObisCode, ShortNameObject>(list.Count);
        foreach (var entry in list)
        {
            if (!map.TryAdd(entry.LogicalName, entry))
            {
                ShortNameLog.DuplicateName(_logger, entry.LogicalName.ToString());
            }
        }
        _shortNames = map.ToFrozenDictionary();
        ShortNameLog.ObjectListRead(_logger, map.Count);
    }

    // object_list ::= array sn_object_list_element { base_name long, class_id long-unsigned, version unsigned,
    // logical_name octet-string(6) } (Blue Book §4.4.3).
    private static List<ShortNameObject> DecodeObjectList(ref AxdrReader reader)
    {
        var count = reader.ReadArrayHeader();
        var list = new List<ShortNameObject>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++)
        {
            reader.ReadStructureHeader(4, "sn_object_list_element");
            var baseName = unchecked((ushort)reader.ReadInt16());
            var classId = reader.ReadUInt16();
            var version = reader.ReadUInt8();
            list.Add(new ShortNameObject(baseName, classId, version, reader.ReadObisCode()));
        }
        return list;
    }

    /// <summary>Hands an unsolicited InformationReportRequest to <see cref="InformationReportReceived"/>.</summary>
    private void DeliverUnsolicited(ApduTag tag, ReadOnlySpan<byte> apdu)
    {
        if (tag != ApduTag.InformationReportRequest || InformationReportReceived is not { } handlers)
        {
            return;
        }
        InformationReportRequest report;
        try
        {
            report = (InformationReportRequest)ApduDecoder.Decode(apdu.ToArray());
        }
        catch (CosemEncodingException ex)
        {
            ShortNameLog.MalformedReport(_logger, ex.Message);
            return;
        }
        try
        {
            handlers(this, report);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ShortNameLog.ReportHandlerFailed(_logger, ex.Message);
        }
    }
}
