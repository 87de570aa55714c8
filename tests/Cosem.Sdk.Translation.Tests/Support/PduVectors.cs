namespace Cosem.Sdk.Translation.Tests.Support;

/// <summary>
/// One APDU per kind and variant. Sources: "GB" = DLMS UA 1000-2 (Green Book) examples as also reproduced by
/// Gurux.DLMS examples (the GET of the clock time, the AARQ/AARE pair with its xDLMS InitiateRequest/Response,
/// the low-level-security AARQ); "own" = built by hand from the IEC 62056-5-3 ASN.1 for this suite.
/// </summary>
public static class PduVectors
{
    public static readonly (string Name, string Hex)[] All =
    [
        // GB: GET.request-normal, Clock 0.0.1.0.0.255 attribute 2 (the canonical example).
        ("get-request-normal", "C001C100080000010000FF0200"),
        // own: with selective access by range on a Profile generic (class 7, 1.0.99.1.0.255).
        ("get-request-normal-selective", "C001C1000701006301 00FF02 01 01 02 04 020412000809060000010000FF0F02120000 090C07E6010106000000FF800000 090C07E6010206000000FF800000 0100"),
        // own: GET.request-next, block 2.
        ("get-request-next", "C002C100000002"),
        // own: GET.request-with-list, two descriptors, the second with selective access.
        ("get-request-with-list", "C003C102 0001 0000600100FF 02 00 0003 0000010000FF 03 01 01 0202 1101 1102"),
        // own: GET.response-normal with a double-long-unsigned.
        ("get-response-normal-data", "C401C10006000004D2"),
        // own: GET.response-normal, a date-time in an octet-string (Clock.time).
        ("get-response-normal-datetime", "C401C100090C07E6010106000000FF800000"),
        // own: GET.response-normal, data-access-result object-undefined.
        ("get-response-normal-error", "C401C10104"),
        // own: GET.response-with-datablock, not last, raw data.
        ("get-response-with-datablock", "C402C10000000001000401020304"),
        // own: GET.response-with-datablock carrying a data-access-result.
        ("get-response-with-datablock-error", "C402C101000000020113"),
        // own: GET.response-with-list: data and an error.
        ("get-response-with-list", "C403C102 00 1200FF 01 03"),
        // own: SET.request-normal, Clock time.
        ("set-request-normal", "C101C100080000010000FF0200090C07E6010106000000FF800000"),
        // own: SET.request-with-first-datablock.
        ("set-request-with-first-datablock", "C102C1 0001 0000600100FF 02 00 00 00000001 03 010203"),
        // own: SET.request-with-datablock.
        ("set-request-with-datablock", "C103C1010000000203040506"),
        // own: SET.request-with-list.
        ("set-request-with-list", "C104C102 000100006001 00FF0200 000300000100 00FF0300 02 1100 120001"),
        // own: SET.request-with-list-and-first-datablock.
        ("set-request-with-list-and-first-datablock", "C105C101000100006001 00FF0200 000000000102AABB"),
        // own: SET.response variants.
        ("set-response-normal", "C501C100"),
        ("set-response-datablock", "C502C100000001"),
        ("set-response-last-datablock", "C503C10000000002"),
        ("set-response-last-datablock-with-list", "C504C1020003 00000003"),
        ("set-response-with-list", "C505C1020000"),
        // own: ACTION.request-normal, Register reset (class 3, method 1, integer 0).
        ("action-request-normal", "C301C100030100010800FF01010F00"),
        // own: ACTION.request-normal without parameters.
        ("action-request-normal-no-params", "C301C100460000600300FF0100"),
        ("action-request-next-pblock", "C302C100000003"),
        ("action-request-with-list", "C303C102 0003 0000010000FF 01 0009 00000A0000FF 01 02 0F00 00"),
        ("action-request-with-first-pblock", "C304C100120000 2C0000FF01 0000000001 03010203"),
        ("action-request-with-list-and-first-pblock", "C305C101000300000100 00FF01 0100000001 0100"),
        ("action-request-with-pblock", "C306C1 01 00000002 02ABCD"),
        // own: ACTION.response variants.
        ("action-response-normal", "C701C10000"),
        ("action-response-normal-with-data", "C701C1000100 0600000001"),
        ("action-response-normal-with-error", "C701C100010103"),
        ("action-response-with-pblock", "C702C1 01 00000001 020102"),
        ("action-response-with-list", "C703C102 0000 0B01 00 1100"),
        ("action-response-next-pblock", "C704C100000001"),
        // own: EVENT-NOTIFICATION.request with time.
        ("event-notification-request", "C2 01 0C07E6010106000000FF800000 0001 0000600B00FF 02 1101"),
        // own: EVENT-NOTIFICATION.request without time.
        ("event-notification-request-no-time", "C2 00 0001 0000600B00FF 02 1101"),
        // own: DataNotification, long-invoke-id 1, no date-time, a push structure with a logical name.
        ("data-notification", "0F 00000001 00 0202 0906 0000010000FF 12 0064"),
        // own: DataNotification with a 12-byte date-time.
        ("data-notification-datetime", "0F 40000002 0C07E6010106000000FF800000 0600000001"),
        // own: data-notification-confirm of the confirmed notification above, stamped by the client.
        ("data-notification-confirm", "10 40000002 0C07E6010106000001FF800000"),
        // own: exception-response service-not-allowed / operation-not-possible, and invocation-counter-error.
        ("exception-response", "D80101"),
        ("exception-response-invocation-counter", "D8010600000005"),
        // own: confirmedServiceError, initiateError, initiate dlms-version-too-low.
        ("confirmed-service-error", "0E010601"),
        // own: access-request with get, set and action specifications.
        ("access-request", "D9 00000001 00 03 01 000300000100 00FF02 02 0001 0000600100FF02 03 0003 00000100 00FF01 03 00 1100 0F00"),
        // own: access-request get-with-selection.
        ("access-request-with-selection", "D9 00000002 00 01 04 0007 0100630100FF02 01 0100 01 00"),
        // own: access-response.
        ("access-response", "DA 00000001 00 00 02 0600000001 00 02 0100 0200"),
        // own: access-response with the optional request specification echoed.
        ("access-response-with-spec", "DA 00000001 00 01 01 01 000300000100 00FF02 01 0600000001 01 0100"),
        // own: general-block-transfer, last block, window 1.
        ("general-block-transfer", "E0 81 0001 0000 0D C001C100080000010000FF0200"),
        // own: SN ReadRequest, variable-name 0xFA00 and parameterized access.
        ("read-request", "05 02 02FA00 04FA08 01 0600000001"),
        ("read-request-block", "05 01 050002"),
        // own: SN ReadResponse data, error, data-block-result and block-number.
        ("read-response", "0C 04 00 1200FF 01 03 02 00 0001 02ABCD 03 0002"),
        // own: SN WriteRequest and UnconfirmedWriteRequest.
        ("write-request", "06 01 02 FA10 01 1200FF"),
        ("write-request-block", "06 02 06 00 0001 02ABCD 07 01 0002 00"),
        ("unconfirmed-write-request", "16 01 02 FA10 01 1200FF"),
        // own: SN WriteResponse.
        ("write-response", "0D 03 00 01 03 02 0001"),
        // own: InformationReportRequest, no time, one variable.
        ("information-report-request", "18 00 01 02 FA10 01 0600000001"),
        // GB: xDLMS InitiateRequest (LN, conformance 007E1F, max PDU 0x04B0) and InitiateResponse.
        ("initiate-request", "0100000006 5F1F0400007E1F 04B0"),
        ("initiate-response", "0800065F1F040000501F01F40007"),
        // own: InitiateRequest with a dedicated key and response-allowed FALSE.
        ("initiate-request-dedicated-key", "01 01 10 000102030405060708090A0B0C0D0E0F 01 00 00 06 5F1F040000781F 0400"),
        // GB: AARQ, LN referencing without ciphering, lowest level security.
        ("aarq", "601DA109060760857405080101BE10040E01000000065F1F0400007E1F04B0"),
        // GB: AARE accepted, with the InitiateResponse.
        ("aare", "6129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F040000501F01F40007"),
        // GB: AARQ with low level security, password "12345678".
        ("aarq-lls", "6036A1090607608574050801018A0207808B0760857405080201AC0A80083132333435363738BE10040E01000000065F1F0400007E1F04B0"),
        // own: AARQ for HLS-GMAC with calling-AP-title and a glo-initiate-request in user-information.
        ("aarq-hls-gmac", "604CA109060760857405080103A60A04084D4D4D0000BC614E8A0207808B0760857405080205AC0A80084B35366958484C75BE1A0418211630000000011122334455667788990011223344556677"),
        // own: AARE rejected-permanent, acse-service-user authentication-failure.
        ("aare-rejected", "6117A109060760857405080101A203020101A305A10302010D"),
        // own: AARQ with a long-form length, an unknown high-tag-number component, and the InitiateRequest.
        ("aarq-unknown-field", "608121A109060760857405080101 9F2001AA BE10040E01000000065F1F0400007E1F04B0"),
        // own: AARQ whose calling-AP-title carries an unexpected inner tag, and a non-minimal INTEGER.
        ("aarq-odd-encodings", "6017A109060760857405080101 A6048002ABCD A80402020005"),
        // own: RLRQ and RLRE, reason normal.
        ("rlrq", "6203800100"),
        ("rlre", "6303800100"),
        // own: RLRQ with user-information.
        ("rlrq-user-information", "6215800100BE10040E01000000065F1F0400007E1F04B0"),
        // own: glo-get-request, security control 0x30 (authenticated and encrypted), counter 1.
        ("glo-get-request", "C81E3000000001112233445566778899AABBCCDD00112233445566778899AABB"),
        // own: ded-get-response, encryption only.
        ("ded-get-response", "D40A2000000002AABBCCDDEE"),
        // own: glo-initiate-request (tag 33), authentication only.
        ("glo-initiate-request", "21151000000003C0010203000102030405060708090A0B"),
        // own: glo-read-request (SN, tag 37).
        ("glo-read-request", "250A2000000001AABBCCDDEE"),
        // own: general-glo-ciphering with an 8-byte system title.
        ("general-glo-ciphering", "DB 08 4D4D4D0000BC614E 0A 2000000001AABBCCDDEE"),
        // own: general-ded-ciphering.
        ("general-ded-ciphering", "DC 08 4D4D4D0000BC614E 0A 2000000001AABBCCDDEE"),
        // own: general-ciphering with identified key info.
        ("general-ciphering-identified-key", "DD 01 01 08 4D4D4D0000BC614E 08 0102030405060708 00 00 01 00 00 0A 2000000001AABBCCDDEE"),
        // own: general-ciphering with wrapped key info.
        ("general-ciphering-wrapped-key", "DD 01 01 08 4D4D4D0000BC614E 08 0102030405060708 00 00 01 01 00 04 DEADBEEF 0A 2000000001AABBCCDDEE"),
        // own: general-ciphering with agreed key info and no key info.
        ("general-ciphering-agreed-key", "DD 01 01 08 4D4D4D0000BC614E 08 0102030405060708 00 00 01 02 02 AABB 02 CCDD 0A 2000000001AABBCCDDEE"),
        ("general-ciphering-no-key-info", "DD 01 01 08 4D4D4D0000BC614E 08 0102030405060708 00 00 00 0A 2000000001AABBCCDDEE"),
        // own: general-signing.
        ("general-signing", "DF 01 01 08 4D4D4D0000BC614E 08 0102030405060708 00 00 0D C001C100080000010000FF0200 04 01020304"),
        // own: every Data type in one structure (GET.response-normal), incl. compact-array and float NaN payload.
        ("data-all-types", "C401C100 02 1C 00 0300 03 05 04 0A 80C0 05FFFFFFFE 0600000001 09 03 414243 0A 03 414243 0C 04 C3A96162 0D 12 0F FE 10 FFFE 11 FF 12 FFFF 14 FFFFFFFFFFFFFFFE 15 FFFFFFFFFFFFFFFF 16 03 17 3FC00000 18 3FF8000000000000 19 07E6010106000000FF800000 1A 07E6010106 1B 0C000000 1C 01 1D 0001 1E 00000001 FF 13 02 02 12 11 06 000102000304 17 7FC00001"),
        // own: compact-array of 2 x {long-unsigned, octet-string}, and one whose contents do not fit the description.
        ("compact-array", "C401C100 13 02 02 12 09 09 0001 02AABB 0002 01CC"),
        ("compact-array-misfit", "C401C100 13 02 02 12 09 03 0001 05"),
        // own: hostile compact-array: an array of 65535 arrays of 65535 null-data.
        ("compact-array-nulls", "C401C100 13 01 FFFF 01 FFFF 00 01 00"),
        // own: array of capture objects (Profile generic attribute 3): logical names after class ids.
        ("capture-objects", "C401C100 01 02 02 04 12 0008 09 06 0000010000FF 0F 02 12 0000 02 04 12 0003 09 06 0100010800FF 0F 02 12 0000"),
        // own: visible-string with a control character and non-minimal lengths (long form where short would do).
        ("non-minimal-lengths", "C401C100 01 8102 0A 8103 41000A 09 820002 AABB"),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in All)
        {
            data.Add(name);
        }
        return data;
    }

    public static byte[] Bytes(string name) => Convert.FromHexString(Array.Find(All, v => v.Name == name).Hex.Replace(" ", "", StringComparison.Ordinal));
}
