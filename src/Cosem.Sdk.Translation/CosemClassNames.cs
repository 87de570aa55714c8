namespace Cosem.Sdk.Translation;

/// <summary>Names of the COSEM interface classes by class id (DLMS UA 1000-1, the Blue Book, §4 and §5).</summary>
public static class CosemClassNames
{
    private static readonly Dictionary<ushort, string> ById = new()
    {
        [1] = "Data",
        [3] = "Register",
        [4] = "Extended register",
        [5] = "Demand register",
        [6] = "Register activation",
        [7] = "Profile generic",
        [8] = "Clock",
        [9] = "Script table",
        [10] = "Schedule",
        [11] = "Special days table",
        [12] = "Association SN",
        [15] = "Association LN",
        [17] = "SAP assignment",
        [18] = "Image transfer",
        [19] = "IEC local port setup",
        [20] = "Activity calendar",
        [21] = "Register monitor",
        [22] = "Single action schedule",
        [23] = "IEC HDLC setup",
        [24] = "IEC twisted pair (1) setup",
        [25] = "M-Bus slave port setup",
        [26] = "Utility tables",
        [27] = "Modem configuration",
        [28] = "Auto answer",
        [29] = "Auto connect",
        [30] = "Data protection",
        [40] = "Push setup",
        [41] = "TCP-UDP setup",
        [42] = "IPv4 setup",
        [43] = "MAC address setup",
        [44] = "PPP setup",
        [45] = "GPRS modem setup",
        [46] = "SMTP setup",
        [47] = "GSM diagnostic",
        [48] = "IPv6 setup",
        [50] = "S-FSK Phy&MAC setup",
        [51] = "S-FSK Active initiator",
        [52] = "S-FSK MAC synchronization timeouts",
        [53] = "S-FSK MAC counters",
        [55] = "IEC 61334-4-32 LLC setup",
        [56] = "S-FSK Reporting system list",
        [57] = "ISO/IEC 8802-2 LLC Type 1 setup",
        [58] = "ISO/IEC 8802-2 LLC Type 2 setup",
        [59] = "ISO/IEC 8802-2 LLC Type 3 setup",
        [61] = "Register table",
        [62] = "Compact data",
        [63] = "Status mapping",
        [64] = "Security setup",
        [65] = "Parameter monitor",
        [67] = "Sensor manager",
        [68] = "Arbitrator",
        [70] = "Disconnect control",
        [71] = "Limiter",
        [72] = "M-Bus client",
        [73] = "Wireless Mode Q channel",
        [74] = "M-Bus master port setup",
        [76] = "DLMS/COSEM server M-Bus port setup",
        [77] = "M-Bus diagnostic",
        [80] = "IEC 61334-4-32 LLC SSCS setup",
        [81] = "PRIME NB OFDM PLC Physical layer counters",
        [82] = "PRIME NB OFDM PLC MAC setup",
        [83] = "PRIME NB OFDM PLC MAC functional parameters",
        [84] = "PRIME NB OFDM PLC MAC counters",
        [85] = "PRIME NB OFDM PLC MAC network administration data",
        [86] = "PRIME NB OFDM PLC Application identification",
        [90] = "G3-PLC MAC layer counters",
        [91] = "G3-PLC MAC setup",
        [92] = "G3-PLC 6LoWPAN adaptation layer setup",
        [111] = "Account",
        [112] = "Credit",
        [113] = "Charge",
        [115] = "Token gateway",
        [122] = "Function control",
        [123] = "Array manager",
        [124] = "Communication port protection",
    };

    private static readonly Dictionary<string, ushort> ByName =
        ById.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The Blue Book name of interface class <paramref name="classId"/> (e.g. 8 → "Clock"); false for ids it does not define.</summary>
    public static bool TryGet(ushort classId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? name) =>
        ById.TryGetValue(classId, out name);

    /// <summary>The class id named <paramref name="name"/>, ignoring case and surrounding spaces ("clock" → 8).</summary>
    public static bool TryGetId(string name, out ushort classId) => ByName.TryGetValue(name.Trim(), out classId);
}
