namespace Cosem.Sdk.Objects;

/// <summary>
/// What one push of a Push setup reads from its attributes, whatever the version: version 0 has no push_client_sap
/// and a fixed repetition_delay in seconds; versions 1 and 2 add push_client_sap, version 2 makes repetition_delay a
/// growing delay (Blue Book Ed.15 §4.4.8; schema/classes/push-setup*.cosem.xml).
/// </summary>
internal readonly record struct PushSettings(
    IReadOnlyList<CaptureObjectDefinition> ObjectList,
    SendDestinationAndMethod Destination,
    IReadOnlyList<CommunicationWindow> Windows,
    ushort RandomisationStartInterval,
    byte NumberOfRetries,
    Func<int, TimeSpan> RetryDelay,
    ushort ClientSap);
