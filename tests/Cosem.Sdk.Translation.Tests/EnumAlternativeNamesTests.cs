using System.Globalization;

namespace Cosem.Sdk.Translation.Tests;

// CHOICE alternatives whose tags and element names come from typed enums (ConfirmedServiceKind, ServiceErrorKind,
// ExceptionServiceError, KeyInfoKind): the names the grammar listed before must still be the names shown.
public class EnumAlternativeNamesTests
{
    private static readonly string[] ConfirmedServices =
    [
        "InitiateError", "GetStatus", "GetNameList", "GetVariableAttribute", "Read", "Write", "GetDataSetAttribute",
        "GetTIAttribute", "ChangeScope", "Start", "Stop", "Resume", "MakeUsable", "InitiateLoad", "LoadSegment",
        "TerminateLoad", "InitiateUpLoad", "UpLoadSegment", "TerminateUpLoad",
    ];

    public static TheoryData<string, string> Alternatives()
    {
        var data = new TheoryData<string, string>();
        for (int tag = 1; tag <= ConfirmedServices.Length; tag++)
        {
            data.Add(string.Create(CultureInfo.InvariantCulture, $"0E{tag:X2}0601"), ConfirmedServices[tag - 1]);
        }
        (int Tag, string Name)[] serviceErrors =
        [
            (0, "ApplicationReference"), (1, "HardwareResource"), (2, "VdeStateError"), (3, "Service"), (4, "Definition"),
            (5, "Access"), (6, "Initiate"), (7, "LoadDataSet"), (9, "Task"), (10, "Other"),
        ];
        foreach (var (tag, name) in serviceErrors)
        {
            data.Add(string.Create(CultureInfo.InvariantCulture, $"0E01{tag:X2}00"), name);
        }
        string[] exceptionErrors = ["OperationNotPossible", "ServiceNotSupported", "OtherReason", "PduTooLong", "DecipheringError"];
        for (int tag = 1; tag <= exceptionErrors.Length; tag++)
        {
            data.Add(string.Create(CultureInfo.InvariantCulture, $"D801{tag:X2}"), exceptionErrors[tag - 1]);
        }
        data.Add("D8010600000005", "InvocationCounterError");
        const string Head = "DD01AA00000000", Content = "0A2000000001AABBCCDDEE";
        data.Add(Head + "010000" + Content, "IdentifiedKey");
        data.Add(Head + "010100021122" + Content, "WrappedKey");
        data.Add(Head + "010202112202" + "3344" + Content, "AgreedKey");
        return data;
    }

    [Theory]
    [MemberData(nameof(Alternatives))]
    public void Alternative_keeps_its_element_name(string hex, string element)
    {
        byte[] apdu = Convert.FromHexString(hex);
        string xml = PduTranslator.Default.ToXml(apdu);
        Assert.Matches($"<{element}[ />]", xml);
        Assert.Equal(apdu, PduTranslator.Default.FromXml(xml));
    }
}
