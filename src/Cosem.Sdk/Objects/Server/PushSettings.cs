using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

/// <summary>
/// What one push of a Push setup reads from its attributes, whatever the version: version 0 has no push_client_sap
/// and a fixed repetition_delay in seconds; versions 1 and 2 add push_client_sap and push_protection_parameters,
/// version 2 makes repetition_delay a growing delay and adds push_operation_method and confirmation_parameters (Blue
/// Book Ed.15 §4.4.8; schema/classes/push-setup*.cosem.xml). <see cref="Confirmed"/> records
/// last_confirmation_date_time.
/// </summary>
internal readonly record struct PushSettings(
    IReadOnlyList<CaptureObjectDefinition> ObjectList,
    SendDestinationAndMethod Destination,
    IReadOnlyList<CommunicationWindow> Windows,
    ushort RandomisationStartInterval,
    byte NumberOfRetries,
    Func<int, TimeSpan> RetryDelay,
    ushort ClientSap,
    IReadOnlyList<PushProtectionParameters>? ProtectionParameters = null,
    PushOperationMethod OperationMethod = PushOperationMethod.UnconfirmedRetryOnSupportingProtocolLayerFailure,
    ConfirmationParameters Confirmation = default,
    CosemDateTime LastConfirmation = default,
    Action<CosemDateTime>? Confirmed = null);
