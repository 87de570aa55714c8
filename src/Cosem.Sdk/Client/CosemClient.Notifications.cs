using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Client;

public sealed partial class CosemClient
{
    /// <summary>
    /// Raised for every DataNotification, EVENT-NOTIFICATION-Request and InformationReport-Request the meter sends
    /// unsolicited on this association while the client waits for an answer (after deciphering, when the association
    /// is ciphered). The notification is decoded from its own copy, so a handler may keep it; a handler that throws is
    /// logged and does not disturb the request in progress. SN InformationReports are also raised as
    /// <see cref="InformationReportReceived"/>. The association's own protection opened it, so
    /// <see cref="PushNotification.Protection"/> is <see cref="PushProtection.None"/> and the addresses are 0.
    /// </summary>
    public event EventHandler<PushNotification>? NotificationReceived;

    /// <summary>Hands an unsolicited notification to <see cref="NotificationReceived"/>.</summary>
    private void DeliverNotification(ReadOnlySpan<byte> apdu)
    {
        if (NotificationReceived is not { } handlers)
        {
            return;
        }
        PushNotification notification;
        try
        {
            var origin = new PushOrigin(_channel.RemoteEndPoint, 0, 0);
            notification = PushNotificationDecoder.DecodeNotification(apdu.ToArray(), origin, PushProtection.None, null);
        }
        catch (CosemEncodingException ex)
        {
            PushLog.MalformedUnsolicited(_logger, ex.Message);
            return;
        }
        try
        {
            handlers(this, notification);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            PushLog.HandlerFailed(_logger, ex.Message);
        }
    }
}
