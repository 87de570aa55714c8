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

    /// <summary>readRequest [5]: SN read of one or more variables.</summary>
    ReadRequest = 5,

    /// <summary>writeRequest [6]: SN write of one or more variables.</summary>
    WriteRequest = 6,

    /// <summary>readResponse [12]: answer to a <see cref="ReadRequest"/>.</summary>
    ReadResponse = 12,

    /// <summary>writeResponse [13]: answer to a <see cref="WriteRequest"/>.</summary>
    WriteResponse = 13,

    /// <summary>confirmedServiceError [14]: the server refuses an initiate request or an SN confirmed service.</summary>
    ConfirmedServiceError = 14,

    /// <summary>data-notification [15]: unsolicited push of data, LN or SN.</summary>
    DataNotification = 15,

    /// <summary>data-notification-confirm [16]: the push client confirms a DataNotification sent with service-class
    /// confirmed (Push setup v2 push_operation_method 2).</summary>
    DataNotificationConfirm = 16,

    /// <summary>unconfirmedWriteRequest [22]: SN write that the server does not answer.</summary>
    UnconfirmedWriteRequest = 22,

    /// <summary>informationReportRequest [24]: SN unsolicited report from the server.</summary>
    InformationReportRequest = 24,

    // ---- Global ciphering, initiate (ACSE user-information) ----

    /// <summary>glo-initiateRequest [33]: an <see cref="InitiateRequest"/> ciphered with the global key.</summary>
    GloInitiateRequest = 33,

    /// <summary>glo-initiateResponse [40]: an <see cref="InitiateResponse"/> ciphered with the global key.</summary>
    GloInitiateResponse = 40,

    // ---- Global ciphering, SN ----

    /// <summary>glo-readRequest [37]: <see cref="ReadRequest"/> ciphered with the global key.</summary>
    GloReadRequest = 37,

    /// <summary>glo-writeRequest [38]: <see cref="WriteRequest"/> ciphered with the global key.</summary>
    GloWriteRequest = 38,

    /// <summary>glo-readResponse [44]: <see cref="ReadResponse"/> ciphered with the global key.</summary>
    GloReadResponse = 44,

    /// <summary>glo-writeResponse [45]: <see cref="WriteResponse"/> ciphered with the global key.</summary>
    GloWriteResponse = 45,

    /// <summary>glo-confirmedServiceError [46]: <see cref="ConfirmedServiceError"/> ciphered with the global key.</summary>
    GloConfirmedServiceError = 46,

    /// <summary>glo-unconfirmedWriteRequest [54]: <see cref="UnconfirmedWriteRequest"/> ciphered with the global key.</summary>
    GloUnconfirmedWriteRequest = 54,

    /// <summary>glo-informationReportRequest [56]: <see cref="InformationReportRequest"/> ciphered with the global key.</summary>
    GloInformationReportRequest = 56,

    // ---- Dedicated ciphering, initiate (ACSE user-information) ----

    /// <summary>ded-initiateRequest [65]: an <see cref="InitiateRequest"/> ciphered with the dedicated key.</summary>
    DedInitiateRequest = 65,

    /// <summary>ded-initiateResponse [72]: an <see cref="InitiateResponse"/> ciphered with the dedicated key.</summary>
    DedInitiateResponse = 72,

    // ---- Dedicated ciphering, SN ----

    /// <summary>ded-readRequest [69]: <see cref="ReadRequest"/> ciphered with the dedicated key.</summary>
    DedReadRequest = 69,

    /// <summary>ded-writeRequest [70]: <see cref="WriteRequest"/> ciphered with the dedicated key.</summary>
    DedWriteRequest = 70,

    /// <summary>ded-readResponse [76]: <see cref="ReadResponse"/> ciphered with the dedicated key.</summary>
    DedReadResponse = 76,

    /// <summary>ded-writeResponse [77]: <see cref="WriteResponse"/> ciphered with the dedicated key.</summary>
    DedWriteResponse = 77,

    /// <summary>ded-confirmedServiceError [78]: <see cref="ConfirmedServiceError"/> ciphered with the dedicated key.</summary>
    DedConfirmedServiceError = 78,

    /// <summary>ded-unconfirmedWriteRequest [86]: <see cref="UnconfirmedWriteRequest"/> ciphered with the dedicated key.</summary>
    DedUnconfirmedWriteRequest = 86,

    /// <summary>ded-informationReportRequest [88]: <see cref="InformationReportRequest"/> ciphered with the dedicated key.</summary>
    DedInformationReportRequest = 88,

    // ---- ACSE (BER) ----

    /// <summary>AARQ [APPLICATION 0], 0x60: the client's association request (BER).</summary>
    Aarq = 0x60,

    /// <summary>AARE [APPLICATION 1], 0x61: the server's association response (BER).</summary>
    Aare = 0x61,

    /// <summary>RLRQ [APPLICATION 2], 0x62: the client's release request (BER).</summary>
    Rlrq = 0x62,

    /// <summary>RLRE [APPLICATION 3], 0x63: the server's release response (BER).</summary>
    Rlre = 0x63,

    // ---- LN services ----

    /// <summary>get-request [192]: LN read of attributes, in one APDU, by blocks or as a list.</summary>
    GetRequest = 192,

    /// <summary>set-request [193]: LN write of attributes, in one APDU, by blocks or as a list.</summary>
    SetRequest = 193,

    /// <summary>event-notification-request [194]: LN unsolicited report of one attribute value.</summary>
    EventNotificationRequest = 194,

    /// <summary>action-request [195]: LN method invocation, in one APDU, by blocks or as a list.</summary>
    ActionRequest = 195,

    /// <summary>get-response [196]: answer to a <see cref="GetRequest"/>.</summary>
    GetResponse = 196,

    /// <summary>set-response [197]: answer to a <see cref="SetRequest"/>.</summary>
    SetResponse = 197,

    /// <summary>action-response [199]: answer to an <see cref="ActionRequest"/>.</summary>
    ActionResponse = 199,

    // ---- Global ciphering, LN ----

    /// <summary>glo-get-request [200]: <see cref="GetRequest"/> ciphered with the global key.</summary>
    GloGetRequest = 200,

    /// <summary>glo-set-request [201]: <see cref="SetRequest"/> ciphered with the global key.</summary>
    GloSetRequest = 201,

    /// <summary>glo-event-notification-request [202]: <see cref="EventNotificationRequest"/> ciphered with the global key.</summary>
    GloEventNotificationRequest = 202,

    /// <summary>glo-action-request [203]: <see cref="ActionRequest"/> ciphered with the global key.</summary>
    GloActionRequest = 203,

    /// <summary>glo-get-response [204]: <see cref="GetResponse"/> ciphered with the global key.</summary>
    GloGetResponse = 204,

    /// <summary>glo-set-response [205]: <see cref="SetResponse"/> ciphered with the global key.</summary>
    GloSetResponse = 205,

    /// <summary>glo-action-response [207]: <see cref="ActionResponse"/> ciphered with the global key.</summary>
    GloActionResponse = 207,

    // ---- Dedicated ciphering, LN ----

    /// <summary>ded-get-request [208]: <see cref="GetRequest"/> ciphered with the dedicated key.</summary>
    DedGetRequest = 208,

    /// <summary>ded-set-request [209]: <see cref="SetRequest"/> ciphered with the dedicated key.</summary>
    DedSetRequest = 209,

    /// <summary>ded-event-notification-request [210]: <see cref="EventNotificationRequest"/> ciphered with the dedicated key.</summary>
    DedEventNotificationRequest = 210,

    /// <summary>ded-action-request [211]: <see cref="ActionRequest"/> ciphered with the dedicated key.</summary>
    DedActionRequest = 211,

    /// <summary>ded-get-response [212]: <see cref="GetResponse"/> ciphered with the dedicated key.</summary>
    DedGetResponse = 212,

    /// <summary>ded-set-response [213]: <see cref="SetResponse"/> ciphered with the dedicated key.</summary>
    DedSetResponse = 213,

    /// <summary>ded-action-response [215]: <see cref="ActionResponse"/> ciphered with the dedicated key.</summary>
    DedActionResponse = 215,

    /// <summary>exception-response [216]: the server cannot process a request at all (state or service error).</summary>
    ExceptionResponse = 216,

    /// <summary>access-request [217]: several LN get/set/action operations in one request.</summary>
    AccessRequest = 217,

    /// <summary>access-response [218]: answer to an <see cref="AccessRequest"/>.</summary>
    AccessResponse = 218,

    // ---- General ciphering and block transfer ----

    /// <summary>general-glo-ciphering [219]: any APDU ciphered with the global key, with a system title.</summary>
    GeneralGloCiphering = 219,

    /// <summary>general-ded-ciphering [220]: any APDU ciphered with the dedicated key, with a system title.</summary>
    GeneralDedCiphering = 220,

    /// <summary>general-ciphering [221]: any APDU ciphered under an explicit key-info (transaction id, originator, recipient).</summary>
    GeneralCiphering = 221,

    /// <summary>general-signing [223]: any APDU with a digital signature.</summary>
    GeneralSigning = 223,

    /// <summary>general-block-transfer [224]: one block of a long APDU split for windowed transfer.</summary>
    GeneralBlockTransfer = 224,
}
