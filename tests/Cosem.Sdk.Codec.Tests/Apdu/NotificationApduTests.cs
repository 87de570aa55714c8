using Cosem.Sdk.Apdu;
using Cosem.Sdk.Obis;
using static Cosem.Sdk.Codec.Tests.Apdu.ApduRoundTrip;

namespace Cosem.Sdk.Codec.Tests.Apdu;

public class NotificationApduTests
{
    // 2026-01-24, Saturday, 11:21:00.00, deviation not specified, status 0 (IEC 62056-6-2 date-time).
    private const string DateTime = "07 EA 01 18 06 0B 15 00 00 80 00 00";
    private static readonly CosemAttributeDescriptor EventCode = new(1, new ObisCode(0, 0, 96, 11, 0, 255), 2);

    [Fact]
    public void Data_notification_without_date_time()
    {
        // dlms-cosem (Python) tests/test_xdlms/test_data_notification.py: a push from a meter, body an octet-string.
        var apdu = Check<DataNotification>(
            "0F 00 00 01 DB 00 09 22 12 5A 85 91 36 00 00 00 00 49 00 00 00 11 00 00 00 0A 5A 85 13 D0 14 80 00 00 00 0D 00 00 00 0A 01 00");
        Assert.Equal(0x1DBu, apdu.LongInvokeIdAndPriority.InvokeId);
        Assert.False(apdu.LongInvokeIdAndPriority.Confirmed);
        Assert.True(apdu.DateTime.IsEmpty);
        Assert.Equal(36, apdu.Body.Length);
        Assert.Equal(0x09, apdu.Body.Span[0]);
    }

    [Fact]
    public void Data_notification_with_date_time()
    {
        // Own vector: confirmed, invoke-id 1, a date-time and a structure { unsigned 1, long-unsigned 5 }.
        var apdu = Encodes(
            new DataNotification(new LongInvokeIdAndPriority(1, confirmed: true, highPriority: false), Hex(DateTime), Hex("02 02 11 01 12 00 05")),
            "0F 40 00 00 01 0C " + DateTime + " 02 02 11 01 12 00 05");
        Assert.Equal(Hex(DateTime), apdu.DateTime.ToArray());
        Assert.Equal(0x40000001u, apdu.LongInvokeIdAndPriority.Value);
    }

    [Fact]
    public void Event_notification_without_time()
    {
        // Own vector: event code object 0.0.96.11.0.255 attribute 2 = long-unsigned 5.
        var apdu = Check<EventNotificationRequest>("C2 00 00 01 00 00 60 0B 00 FF 02 12 00 05");
        Assert.Null(apdu.Time);
        Assert.Equal(EventCode, apdu.AttributeDescriptor);
        Assert.Equal("120005", HexOf(apdu.Value));
    }

    [Fact]
    public void Event_notification_with_time()
    {
        // Own vector; time is OCTET STRING OPTIONAL: presence flag, length, bytes (IEC 62056-5-3 §9.5).
        var apdu = Encodes(
            new EventNotificationRequest(Hex(DateTime), EventCode, Hex("12 00 05")),
            "C2 01 0C " + DateTime + " 00 01 00 00 60 0B 00 FF 02 12 00 05");
        Assert.NotNull(apdu.Time);
        Assert.Equal(Hex(DateTime), apdu.Time.Value.ToArray());
    }

    [Fact]
    public void Long_invoke_id_and_priority_bits()
    {
        var value = new LongInvokeIdAndPriority(0x123456, confirmed: true, highPriority: true, breakOnError: true, selfDescriptive: true);
        Assert.Equal(0xF0123456u, value.Value);
        Assert.Equal(0x123456u, value.InvokeId);
        Assert.True(value.SelfDescriptive && value.BreakOnError && value.Confirmed && value.HighPriority);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LongInvokeIdAndPriority(0x1000000, false, false));
    }
}
