using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cosem.HeadEnd.Reading;
using Cosem.HeadEnd.Storage;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;

namespace Cosem.HeadEnd.Push;

/// <summary>
/// A plain DataNotification turned into readings with the meter's push_object_list (Blue Book §4.4.8: the body is a
/// structure with one element per list entry). The capture time is the notification's date-time, else a pushed clock
/// value (class 8, attribute 2), else the second the listener received it; so a repeated delivery of one push has
/// the same keys. Ciphered pushes must be opened by the listener (which holds the keys) before they are routed.
/// </summary>
internal static class PushReadings
{
    private static readonly PushNotificationDecoder Decoder = new();

    public static bool TryDecode(string meterId, string[] pushObjects, PushNotification push,
        [NotNullWhen(true)] out MeterReading[]? readings, [NotNullWhen(false)] out string? error)
    {
        readings = null;
        if (!TryParseList(pushObjects, out var list, out error))
        {
            return false;
        }
        if (!Decoder.TryDecode(push.Body, new PushOrigin(null, 0, 0), out var decoded, out var rejection))
        {
            error = rejection.ToString();
            return false;
        }
        var values = PushObjectListDecoder.TryDecode(decoded.Body, list, out var misfit);
        if (values is null)
        {
            error = misfit ?? "the body does not fit the push_object_list.";
            return false;
        }
        var captureTime = CaptureTime(decoded, values, push.ReceivedAt);
        readings = new MeterReading[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var (target, value) = (values[i].Object, values[i].Value);
            var text = target.ClassId == 8 && target.AttributeIndex == 2 && TryClock(value, out var clock)
                ? clock.ToString("O", CultureInfo.InvariantCulture)
                : ReadingValues.Text(value);
            readings[i] = new MeterReading(meterId, target.LogicalName.ToString(), target.AttributeIndex, captureTime, text, null);
        }
        return true;
    }

    /// <summary>Parses <c>class/logical name/attribute</c> entries; the error names the first bad one.</summary>
    public static bool TryParseList(string[] entries, out PushObjectDescriptor[] list, [NotNullWhen(false)] out string? error)
    {
        list = new PushObjectDescriptor[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var parts = entries[i].Split('/');
            if (parts.Length != 3
                || !ushort.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var classId)
                || !ObisCode.TryParse(parts[1], out var logicalName)
                || !sbyte.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var attribute))
            {
                error = $"push object '{entries[i]}' is not class/logical name/attribute (e.g. 3/1.0.1.8.0.255/2).";
                return false;
            }
            list[i] = new PushObjectDescriptor(classId, logicalName, attribute);
        }
        error = null;
        return true;
    }

    private static DateTimeOffset CaptureTime(Sdk.Client.PushNotification decoded, IReadOnlyList<PushValue> values, DateTimeOffset receivedAt)
    {
        if (decoded.DateTime is { } stamped && TryConvert(stamped, out var time))
        {
            return time;
        }
        foreach (var value in values)
        {
            if (value.Object.ClassId == 8 && value.Object.AttributeIndex == 2 && TryClock(value.Value, out var clock))
            {
                return clock;
            }
        }
        return new DateTimeOffset(receivedAt.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    private static bool TryClock(CosemData value, out DateTimeOffset time)
    {
        time = default;
        return value.Type is DataType.OctetString or DataType.DateTime
            && value.AsBytes().Length == CosemDateTime.Length
            && TryConvert(value.AsDateTime(), out time);
    }

    private static bool TryConvert(CosemDateTime value, out DateTimeOffset time)
    {
        if (value.TryToDateTimeOffset(out time))
        {
            time = time.ToUniversalTime();
            return true;
        }
        return false;
    }
}
