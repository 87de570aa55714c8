namespace Cosem.Sdk.Client;

/// <summary>Which unsolicited xDLMS service carried a notification (IEC 62056-5-3 §9.5).</summary>
public enum PushNotificationKind
{
    /// <summary>DataNotification (tag 15): a body built from a push_object_list, LN and SN.</summary>
    DataNotification,

    /// <summary>EVENT-NOTIFICATION-Request (tag 194): one attribute value of an LN server.</summary>
    EventNotification,

    /// <summary>InformationReport-Request (tag 24): short-name variables of an SN server.</summary>
    InformationReport,
}
