using Cosem.Sdk.Apdu;
using Cosem.Sdk.Translation.Ber;
using Cosem.Sdk.Translation.Grammar;
using static Cosem.Sdk.Translation.Grammar.G;

namespace Cosem.Sdk.Translation;

/// <summary>
/// The xDLMS and ACSE APDUs as a grammar (IEC 62056-5-3 §8, "COSEMpdu" ASN.1, and ISO/IEC 8650-1 for ACSE),
/// transcribed one production per member. Element names are the ASN.1 names in PascalCase.
/// </summary>
internal static class XdlmsGrammar
{
    // ---- Useful types (IEC 62056-5-3 §8) ----

    private static readonly GrammarNode InvokeIdAndPriority = new FlagsNode(1,
        new FlagsNode.BitField("InvokeId", 0, 4),
        new FlagsNode.BitField("ServiceClass", 6, 1, "confirmed", "unconfirmed"),
        new FlagsNode.BitField("Priority", 7, 1, "high", "normal"));

    // Long-Invoke-Id-And-Priority: invoke-id bits 0-23, self-descriptive 28, processing-option 29, service-class 30, priority 31.
    private static readonly GrammarNode LongInvokeIdAndPriority = new FlagsNode(4,
        new FlagsNode.BitField("InvokeId", 0, 24),
        new FlagsNode.BitField("SelfDescriptive", 28, 1, "self-descriptive", "not-self-descriptive"),
        new FlagsNode.BitField("ProcessingOption", 29, 1, "break-on-error", "continue-on-error"),
        new FlagsNode.BitField("ServiceClass", 30, 1, "confirmed", "unconfirmed"),
        new FlagsNode.BitField("Priority", 31, 1, "high", "normal"));

    private static readonly GrammarNode DataAccessResult = Enum(EnumeratedNames.DataAccessResults);

    private static readonly GrammarNode ActionResult = Enum(EnumeratedNames.ActionResults);

    private static readonly GrammarNode ObjectName = new UnsignedNode(2, hex: true);

    private static readonly GrammarNode AttributeDescriptor = Seq(
        Field("ClassId", ClassIdNode.Instance),
        Field("InstanceId", ObisNode.Instance),
        Field("AttributeId", I8));

    private static readonly GrammarNode MethodDescriptor = Seq(
        Field("ClassId", ClassIdNode.Instance),
        Field("InstanceId", ObisNode.Instance),
        Field("MethodId", I8));

    private static readonly GrammarNode SelectiveAccessDescriptor = Seq(
        Field("AccessSelector", U8),
        Field("AccessParameters", Data));

    private static readonly GrammarNode AttributeDescriptorWithSelection = Seq(
        Field("AttributeDescriptor", AttributeDescriptor),
        Optional("AccessSelection", SelectiveAccessDescriptor));

    private static readonly GrammarNode GetDataResult = Choice("Get-Data-Result",
        Alt(0, "Data", Data),
        Alt(1, "DataAccessResult", DataAccessResult));

    private static readonly GrammarNode DataBlockG = Seq(
        Field("LastBlock", Bool),
        Field("BlockNumber", U32),
        Field("Result", Choice("DataBlock-G result",
            Alt(0, "RawData", Octets),
            Alt(1, "DataAccessResult", DataAccessResult))));

    private static readonly GrammarNode DataBlockSA = Seq(
        Field("LastBlock", Bool),
        Field("BlockNumber", U32),
        Field("RawData", Octets));

    private static readonly GrammarNode ActionResponseWithOptionalData = Seq(
        Field("Result", ActionResult),
        Optional("ReturnParameters", GetDataResult));

    // ---- LN services (IEC 62056-5-3 §8, GET/SET/ACTION) ----

    private static readonly GrammarNode GetRequest = Choice("GET-Request",
        Alt(1, "GetRequestNormal", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("AttributeDescriptor", AttributeDescriptor),
            Optional("AccessSelection", SelectiveAccessDescriptor))),
        Alt(2, "GetRequestNext", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("BlockNumber", U32))),
        Alt(3, "GetRequestWithList", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("AttributeDescriptorList", SeqOf("AttributeDescriptorWithSelection", AttributeDescriptorWithSelection)))));

    private static readonly GrammarNode GetResponse = Choice("GET-Response",
        Alt(1, "GetResponseNormal", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("Result", GetDataResult))),
        Alt(2, "GetResponseWithDatablock", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("Result", DataBlockG))),
        Alt(3, "GetResponseWithList", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("Result", SeqOf(GetDataResult)))));

    private static readonly GrammarNode SetRequest = Choice("SET-Request",
        Alt(1, "SetRequestNormal", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("AttributeDescriptor", AttributeDescriptor),
            Optional("AccessSelection", SelectiveAccessDescriptor),
            Field("Value", Data))),
        Alt(2, "SetRequestWithFirstDatablock", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("AttributeDescriptor", AttributeDescriptor),
            Optional("AccessSelection", SelectiveAccessDescriptor),
            Field("Datablock", DataBlockSA))),
        Alt(3, "SetRequestWithDatablock", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("Datablock", DataBlockSA))),
        Alt(4, "SetRequestWithList", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("AttributeDescriptorList", SeqOf("AttributeDescriptorWithSelection", AttributeDescriptorWithSelection)),
            Field("ValueList", SeqOf(Data)))),
        Alt(5, "SetRequestWithListAndFirstDatablock", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("AttributeDescriptorList", SeqOf("AttributeDescriptorWithSelection", AttributeDescriptorWithSelection)),
            Field("Datablock", DataBlockSA))));

    private static readonly GrammarNode SetResponse = Choice("SET-Response",
        Alt(1, "SetResponseNormal", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("Result", DataAccessResult))),
        Alt(2, "SetResponseDatablock", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("BlockNumber", U32))),
        Alt(3, "SetResponseLastDatablock", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("Result", DataAccessResult),
            Field("BlockNumber", U32))),
        Alt(4, "SetResponseLastDatablockWithList", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("Result", SeqOf("DataAccessResult", DataAccessResult)),
            Field("BlockNumber", U32))),
        Alt(5, "SetResponseWithList", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("Result", SeqOf("DataAccessResult", DataAccessResult)))));

    private static readonly GrammarNode ActionRequest = Choice("ACTION-Request",
        Alt(1, "ActionRequestNormal", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("MethodDescriptor", MethodDescriptor),
            Optional("MethodInvocationParameters", Data))),
        Alt(2, "ActionRequestNextPblock", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("BlockNumber", U32))),
        Alt(3, "ActionRequestWithList", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("MethodDescriptorList", SeqOf("MethodDescriptor", MethodDescriptor)),
            Field("MethodInvocationParameters", SeqOf(Data)))),
        Alt(4, "ActionRequestWithFirstPblock", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("MethodDescriptor", MethodDescriptor),
            Field("Pblock", DataBlockSA))),
        Alt(5, "ActionRequestWithListAndFirstPblock", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("MethodDescriptorList", SeqOf("MethodDescriptor", MethodDescriptor)),
            Field("Pblock", DataBlockSA))),
        Alt(6, "ActionRequestWithPblock", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("Pblock", DataBlockSA))));

    private static readonly GrammarNode ActionResponse = Choice("ACTION-Response",
        Alt(1, "ActionResponseNormal", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("SingleResponse", ActionResponseWithOptionalData))),
        Alt(2, "ActionResponseWithPblock", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("Pblock", DataBlockSA))),
        Alt(3, "ActionResponseWithList", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("ListOfResponses", SeqOf("Response", ActionResponseWithOptionalData)))),
        Alt(4, "ActionResponseNextPblock", Seq(
            Field("InvokeIdAndPriority", InvokeIdAndPriority),
            Field("BlockNumber", U32))));

    private static readonly GrammarNode EventNotificationRequest = Seq(
        Optional("Time", DateTimeOctets),
        Field("AttributeDescriptor", AttributeDescriptor),
        Field("AttributeValue", Data));

    private static readonly GrammarNode DataNotification = Seq(
        Field("LongInvokeIdAndPriority", LongInvokeIdAndPriority),
        Field("DateTime", DateTimeOctets),
        Field("NotificationBody", Data));

    private static readonly GrammarNode DataNotificationConfirm = Seq(
        Field("LongInvokeIdAndPriority", LongInvokeIdAndPriority),
        Field("DateTime", DateTimeOctets));

    // EXCEPTION-Response; invocation-counter-error carries the expected counter (Green Book edition 9 onwards).
    private static readonly GrammarNode ExceptionResponse = Seq(
        Field("StateError", Enum(EnumeratedNames.ExceptionStateErrors)),
        Field("ServiceError", Choice("service-error",
            Alt(ExceptionServiceError.OperationNotPossible, Null),
            Alt(ExceptionServiceError.ServiceNotSupported, Null),
            Alt(ExceptionServiceError.OtherReason, Null),
            Alt(ExceptionServiceError.PduTooLong, Null),
            Alt(ExceptionServiceError.DecipheringError, Null),
            Alt(ExceptionServiceError.InvocationCounterError, U32))));

    // ---- Access service (IEC 62056-5-3 §8, ACCESS) ----

    private static readonly GrammarNode AccessRequestSpecification = Choice("Access-Request-Specification",
        Alt(1, "AccessRequestGet", Field("AttributeDescriptor", AttributeDescriptor)),
        Alt(2, "AccessRequestSet", Field("AttributeDescriptor", AttributeDescriptor)),
        Alt(3, "AccessRequestAction", Field("MethodDescriptor", MethodDescriptor)),
        Alt(4, "AccessRequestGetWithSelection", Seq(
            Field("AttributeDescriptor", AttributeDescriptor),
            Field("AccessSelection", SelectiveAccessDescriptor))),
        Alt(5, "AccessRequestSetWithSelection", Seq(
            Field("AttributeDescriptor", AttributeDescriptor),
            Field("AccessSelection", SelectiveAccessDescriptor))));

    private static readonly GrammarNode AccessResponseSpecification = Choice("Access-Response-Specification",
        Alt(1, "AccessResponseGet", Field("Result", DataAccessResult)),
        Alt(2, "AccessResponseSet", Field("Result", DataAccessResult)),
        Alt(3, "AccessResponseAction", Field("Result", ActionResult)));

    private static readonly GrammarNode AccessRequest = Seq(
        Field("LongInvokeIdAndPriority", LongInvokeIdAndPriority),
        Field("DateTime", DateTimeOctets),
        Field("AccessRequestBody", Seq(
            Field("AccessRequestSpecification", SeqOf(AccessRequestSpecification)),
            Field("AccessRequestListOfData", SeqOf(Data)))));

    private static readonly GrammarNode AccessResponse = Seq(
        Field("LongInvokeIdAndPriority", LongInvokeIdAndPriority),
        Field("DateTime", DateTimeOctets),
        Field("AccessResponseBody", Seq(
            Optional("AccessRequestSpecification", SeqOf(AccessRequestSpecification)),
            Field("AccessResponseListOfData", SeqOf(Data)),
            Field("AccessResponseSpecification", SeqOf(AccessResponseSpecification)))));

    // ---- SN services (IEC 62056-5-3 §8, short-name referencing) ----

    private static readonly GrammarNode VariableAccessSpecification = Choice("Variable-Access-Specification",
        Alt(2, "VariableName", ObjectName),
        Alt(4, "ParameterizedAccess", Seq(
            Field("VariableName", ObjectName),
            Field("Selector", U8),
            Field("Parameter", Data))),
        Alt(5, "BlockNumberAccess", Field("BlockNumber", U16)),
        Alt(6, "ReadDataBlockAccess", Seq(
            Field("LastBlock", Bool),
            Field("BlockNumber", U16),
            Field("RawData", Octets))),
        Alt(7, "WriteDataBlockAccess", Seq(
            Field("LastBlock", Bool),
            Field("BlockNumber", U16))));

    private static readonly GrammarNode ReadResponseItem = Choice("ReadResponse item",
        Alt(0, "Data", Data),
        Alt(1, "DataAccessError", DataAccessResult),
        Alt(2, "DataBlockResult", Seq(
            Field("LastBlock", Bool),
            Field("BlockNumber", U16),
            Field("RawData", Octets))),
        Alt(3, "BlockNumber", U16));

    private static readonly GrammarNode WriteResponseItem = Choice("WriteResponse item",
        Alt(0, "Success", Null),
        Alt(1, "DataAccessError", DataAccessResult),
        Alt(2, "BlockNumber", U16));

    private static readonly GrammarNode WriteRequest = Seq(
        Field("VariableAccessSpecification", SeqOf(VariableAccessSpecification)),
        Field("ListOfData", SeqOf(Data)));

    private static readonly GrammarNode InformationReportRequest = Seq(
        Optional("CurrentTime", DateTimeOctets),
        Field("VariableAccessSpecification", SeqOf(VariableAccessSpecification)),
        Field("ListOfData", SeqOf(Data)));

    // ---- Association establishment (IEC 62056-5-3 §8, xDLMS-Initiate and ConfirmedServiceError) ----

    private static readonly GrammarNode InitiateRequest = Seq(
        Optional("DedicatedKey", Octets),
        Default("ResponseAllowed", Bool, "true"),
        Optional("ProposedQualityOfService", I8),
        Field("ProposedDlmsVersionNumber", U8),
        Field("ProposedConformance", ConformanceNode.Instance),
        Field("ClientMaxReceivePduSize", U16));

    private static readonly GrammarNode InitiateResponse = Seq(
        Optional("NegotiatedQualityOfService", I8),
        Field("NegotiatedDlmsVersionNumber", U8),
        Field("NegotiatedConformance", ConformanceNode.Instance),
        Field("ServerMaxReceivePduSize", U16),
        Field("VaaName", ObjectName));

    private static readonly GrammarNode ServiceError = Choice("ServiceError",
        Alt(ServiceErrorKind.ApplicationReference, Enum(EnumeratedNames.ApplicationReferenceErrors)),
        Alt(ServiceErrorKind.HardwareResource, Enum(EnumeratedNames.HardwareResourceErrors)),
        Alt(ServiceErrorKind.VdeStateError, Enum(EnumeratedNames.VdeStateErrors)),
        Alt(ServiceErrorKind.Service, Enum(EnumeratedNames.ServiceErrors)),
        Alt(ServiceErrorKind.Definition, Enum(EnumeratedNames.DefinitionErrors)),
        Alt(ServiceErrorKind.Access, Enum(EnumeratedNames.AccessErrors)),
        Alt(ServiceErrorKind.Initiate, Enum(EnumeratedNames.InitiateErrors)),
        Alt(ServiceErrorKind.LoadDataSet, Enum(EnumeratedNames.LoadDataSetErrors)),
        Alt(ServiceErrorKind.Task, Enum(EnumeratedNames.TaskErrors)),
        Alt(ServiceErrorKind.Other, U8));

    // Every alternative carries a ServiceError; the tags and names are those of ConfirmedServiceKind.
    private static readonly GrammarNode ConfirmedServiceError = Choice("ConfirmedServiceError",
        [.. System.Enum.GetValues<ConfirmedServiceKind>().Select(service => Alt(service, ServiceError))]);

    // ---- Ciphering and block transfer (IEC 62056-5-3 §8, general-* APDUs) ----

    private static readonly GrammarNode Ciphered = CipheredContentNode.Instance;

    private static readonly GrammarNode GeneralGloCiphering = Seq(
        Field("SystemTitle", Octets),
        Field("CipheredContent", Ciphered));

    private static readonly GrammarNode KeyInfo = Choice("Key-Info",
        Alt(KeyInfoKind.IdentifiedKey, Field("KeyId", Enum(EnumeratedNames.KeyIds))),
        Alt(KeyInfoKind.WrappedKey, Seq(
            Field("KekId", Enum(EnumeratedNames.KekIds)),
            Field("KeyCipheredData", Octets))),
        Alt(KeyInfoKind.AgreedKey, Seq(
            Field("KeyParameters", Octets),
            Field("KeyCipheredData", Octets))));

    private static readonly GrammarNode GeneralCiphering = Seq(
        Field("TransactionId", Octets),
        Field("OriginatorSystemTitle", Octets),
        Field("RecipientSystemTitle", Octets),
        Field("DateTime", DateTimeOctets),
        Field("OtherInformation", Octets),
        Optional("KeyInfo", KeyInfo),
        Field("CipheredContent", Ciphered));

    private static readonly GrammarNode GeneralSigning = Seq(
        Field("TransactionId", Octets),
        Field("OriginatorSystemTitle", Octets),
        Field("RecipientSystemTitle", Octets),
        Field("DateTime", DateTimeOctets),
        Field("OtherInformation", Octets),
        Field("Content", Octets),
        Field("Signature", Octets));

    private static readonly GrammarNode GeneralBlockTransfer = Seq(
        Field("BlockControl", new FlagsNode(1,
            new FlagsNode.BitField("LastBlock", 7, 1, "true", "false"),
            new FlagsNode.BitField("Streaming", 6, 1, "true", "false"),
            new FlagsNode.BitField("Window", 0, 6))),
        Field("BlockNumber", U16),
        Field("BlockNumberAck", U16),
        Field("BlockData", Octets));

    /// <summary>Every APDU: the COSEMpdu CHOICE on the first byte, ACSE included.</summary>
    public static ChoiceNode Apdu { get; } = BuildApdu();

    private static ChoiceNode BuildApdu()
    {
        var alternatives = new List<Alternative>
        {
            Alt(1, "InitiateRequest", InitiateRequest),
            Alt(5, "ReadRequest", SeqOf(VariableAccessSpecification)),
            Alt(6, "WriteRequest", WriteRequest),
            Alt(8, "InitiateResponse", InitiateResponse),
            Alt(12, "ReadResponse", SeqOf(ReadResponseItem)),
            Alt(13, "WriteResponse", SeqOf(WriteResponseItem)),
            Alt(14, "ConfirmedServiceError", ConfirmedServiceError),
            Alt(15, "DataNotification", DataNotification),
            Alt(16, "DataNotificationConfirm", DataNotificationConfirm),
            Alt(22, "UnconfirmedWriteRequest", WriteRequest),
            Alt(24, "InformationReportRequest", InformationReportRequest),
            Alt(192, "GetRequest", GetRequest),
            Alt(193, "SetRequest", SetRequest),
            Alt(194, "EventNotificationRequest", EventNotificationRequest),
            Alt(195, "ActionRequest", ActionRequest),
            Alt(196, "GetResponse", GetResponse),
            Alt(197, "SetResponse", SetResponse),
            Alt(199, "ActionResponse", ActionResponse),
            Alt(216, "ExceptionResponse", ExceptionResponse),
            Alt(217, "AccessRequest", AccessRequest),
            Alt(218, "AccessResponse", AccessResponse),
            Alt(219, "GeneralGloCiphering", GeneralGloCiphering),
            Alt(220, "GeneralDedCiphering", GeneralGloCiphering),
            Alt(221, "GeneralCiphering", GeneralCiphering),
            Alt(223, "GeneralSigning", GeneralSigning),
            Alt(224, "GeneralBlockTransfer", GeneralBlockTransfer),
        };

        // Service-specific global and dedicated ciphering: same tag offsets for every service (IEC 62056-5-3 §8).
        (byte Glo, byte Ded, string Service)[] ciphered =
        [
            (33, 65, "InitiateRequest"), (37, 69, "ReadRequest"), (38, 70, "WriteRequest"), (40, 72, "InitiateResponse"),
            (44, 76, "ReadResponse"), (45, 77, "WriteResponse"), (46, 78, "ConfirmedServiceError"),
            (54, 86, "UnconfirmedWriteRequest"), (56, 88, "InformationReportRequest"),
            (200, 208, "GetRequest"), (201, 209, "SetRequest"), (202, 210, "EventNotificationRequest"), (203, 211, "ActionRequest"),
            (204, 212, "GetResponse"), (205, 213, "SetResponse"), (207, 215, "ActionResponse"),
        ];
        foreach (var (glo, ded, service) in ciphered)
        {
            alternatives.Add(Alt(glo, "Glo" + service, Ciphered));
            alternatives.Add(Alt(ded, "Ded" + service, Ciphered));
        }

        alternatives.AddRange(AcseGrammar.Apdus(() => Apdu));
        return Choice("APDU", [.. alternatives]);
    }
}
