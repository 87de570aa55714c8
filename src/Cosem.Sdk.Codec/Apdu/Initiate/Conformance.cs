namespace Cosem.Sdk.Apdu;

/// <summary>
/// The xDLMS conformance block (IEC 62056-5-3 §8 "Conformance", Green Book "The xDLMS conformance block"): a 24-bit
/// BIT STRING whose bit 0 is the most significant bit of the first octet. Each flag's value is the bit's weight in
/// the three octets read as a big-endian number, so <c>00 7E 1F</c> is <c>(Conformance)0x007E1F</c>.
/// </summary>
[Flags]
public enum Conformance : uint
{
    /// <summary>No conformance bit set: no xDLMS service is proposed or negotiated.</summary>
    None = 0,

    /// <summary>Bit 0, reserved-zero.</summary>
    ReservedZero = 1u << 23,
    /// <summary>Bit 1, general-protection.</summary>
    GeneralProtection = 1u << 22,
    /// <summary>Bit 2, general-block-transfer.</summary>
    GeneralBlockTransfer = 1u << 21,
    /// <summary>Bit 3, read (SN).</summary>
    Read = 1u << 20,
    /// <summary>Bit 4, write (SN).</summary>
    Write = 1u << 19,
    /// <summary>Bit 5, unconfirmed-write (SN).</summary>
    UnconfirmedWrite = 1u << 18,
    /// <summary>Bit 6, delta-value-encoding (reserved-six before Green Book ed. 9).</summary>
    DeltaValueEncoding = 1u << 17,
    /// <summary>Bit 7, reserved-seven.</summary>
    ReservedSeven = 1u << 16,
    /// <summary>Bit 8, attribute0-supported-with-set.</summary>
    Attribute0SupportedWithSet = 1u << 15,
    /// <summary>Bit 9, priority-mgmt-supported.</summary>
    PriorityManagementSupported = 1u << 14,
    /// <summary>Bit 10, attribute0-supported-with-get.</summary>
    Attribute0SupportedWithGet = 1u << 13,
    /// <summary>Bit 11, block-transfer-with-get-or-read.</summary>
    BlockTransferWithGetOrRead = 1u << 12,
    /// <summary>Bit 12, block-transfer-with-set-or-write.</summary>
    BlockTransferWithSetOrWrite = 1u << 11,
    /// <summary>Bit 13, block-transfer-with-action.</summary>
    BlockTransferWithAction = 1u << 10,
    /// <summary>Bit 14, multiple-references.</summary>
    MultipleReferences = 1u << 9,
    /// <summary>Bit 15, information-report (SN).</summary>
    InformationReport = 1u << 8,
    /// <summary>Bit 16, data-notification.</summary>
    DataNotification = 1u << 7,
    /// <summary>Bit 17, access.</summary>
    Access = 1u << 6,
    /// <summary>Bit 18, parameterized-access (SN).</summary>
    ParameterizedAccess = 1u << 5,
    /// <summary>Bit 19, get.</summary>
    Get = 1u << 4,
    /// <summary>Bit 20, set.</summary>
    Set = 1u << 3,
    /// <summary>Bit 21, selective-access.</summary>
    SelectiveAccess = 1u << 2,
    /// <summary>Bit 22, event-notification.</summary>
    EventNotification = 1u << 1,
    /// <summary>Bit 23, action.</summary>
    Action = 1u << 0,
}
