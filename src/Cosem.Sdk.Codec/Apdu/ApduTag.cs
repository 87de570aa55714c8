namespace Cosem.Sdk.Apdu;

/// <summary>
/// First byte of every APDU (IEC 62056-5-3 §8 "xDLMS APDUs" ASN.1 and the ACSE tags of ISO/IEC 8650-1).
/// </summary>
public enum ApduTag : byte
{
    // ---- xDLMS initiate exchange, carried in AARQ/AARE user-information ----

    /// <summary>initiateRequest [1]: the client's proposed xDLMS context, inside the AARQ user-information.</summary>
    InitiateRequest = 1,

    /// <summary>initiateResponse [8]: the server's negotiated xDLMS context, inside the AARE user-information.</summary>
    InitiateResponse = 8,

    // ---- SN services (IEC 62056-5-3, short-name referencing) ----
    ReadRequest = 5,
    WriteRequest = 6,
    ReadResponse = 12,
    WriteResponse = 13,
    ConfirmedServiceError = 14,
    DataNotification = 15,
    UnconfirmedWriteRequest = 22,
    InformationReportRequest = 24,

    // ---- Global ciphering, initiate (ACSE user-information) ----

    /// <summary>glo-initiateRequest [33]: an <see cref="InitiateRequest"/> ciphered with the global key.</summary>
    GloInitiateRequest = 33,

    /// <summary>glo-initiateResponse [40]: an <see cref="InitiateResponse"/> ciphered with the global key.</summary>
    GloInitiateResponse = 40,

    // ---- Global ciphering, SN ----
    GloReadRequest = 37,
    GloWriteRequest = 38,
    GloReadResponse = 44,
    GloWriteResponse = 45,
    GloConfirmedServiceError = 46,
    GloUnconfirmedWriteRequest = 54,
    GloInformationReportRequest = 56,

    // ---- Dedicated ciphering, initiate (ACSE user-information) ----

    /// <summary>ded-initiateRequest [65]: an <see cref="InitiateRequest"/> ciphered with the dedicated key.</summary>
    DedInitiateRequest = 65,

    /// <summary>ded-initiateResponse [72]: an <see cref="InitiateResponse"/> ciphered with the dedicated key.</summary>
    DedInitiateResponse = 72,

    // ---- Dedicated ciphering, SN ----
    DedReadRequest = 69,
    DedWriteRequest = 70,
    DedReadResponse = 76,
    DedWriteResponse = 77,
    DedConfirmedServiceError = 78,
    DedUnconfirmedWriteRequest = 86,
    DedInformationReportRequest = 88,

    // ---- ACSE (BER) ----
    Aarq = 0x60,
    Aare = 0x61,
    Rlrq = 0x62,
    Rlre = 0x63,

    // ---- LN services ----
    GetRequest = 192,
    SetRequest = 193,
    EventNotificationRequest = 194,
    ActionRequest = 195,
    GetResponse = 196,
    SetResponse = 197,
    ActionResponse = 199,

    // ---- Global ciphering, LN ----
    GloGetRequest = 200,
    GloSetRequest = 201,
    GloEventNotificationRequest = 202,
    GloActionRequest = 203,
    GloGetResponse = 204,
    GloSetResponse = 205,
    GloActionResponse = 207,

    // ---- Dedicated ciphering, LN ----
    DedGetRequest = 208,
    DedSetRequest = 209,
    DedEventNotificationRequest = 210,
    DedActionRequest = 211,
    DedGetResponse = 212,
    DedSetResponse = 213,
    DedActionResponse = 215,

    ExceptionResponse = 216,
    AccessRequest = 217,
    AccessResponse = 218,

    // ---- General ciphering and block transfer ----
    GeneralGloCiphering = 219,
    GeneralDedCiphering = 220,
    GeneralCiphering = 221,
    GeneralSigning = 223,
    GeneralBlockTransfer = 224,
}
