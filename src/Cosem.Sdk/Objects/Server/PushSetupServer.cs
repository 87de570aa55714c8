using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Objects;

/// <summary>
/// A Push setup (class 40, version 2) that pushes: its <c>push</c> method (and <see cref="TriggerAsync"/>, for a
/// schedule or an alarm) builds a DataNotification from push_object_list — each attribute read from the logical
/// device's objects, honouring the attribute index (0: every attribute) and data index (one element) — protects it as
/// <see cref="PushSetupServerOptions"/> says, and sends it to send_destination_and_method over the TCP or UDP wrapper
/// (or HDLC), from the logical device's wPort to push_client_sap. With push_operation_method 2 the
/// DataNotification goes out confirmed and the push waits for the destination's data-notification-confirm (see
/// <see cref="AcceptConfirmation"/>); a missing one is retried, and a received one sets
/// last_confirmation_date_time. Non-empty push_protection_parameters decide the protection. A push triggered outside every
/// communication_window waits for the next one, then a random time up to randomisation_start_interval, and is
/// retried number_of_retries times with the growing repetition_delay between attempts.
/// <see cref="PushSetupV0Server"/> and <see cref="PushSetupV1Server"/> do the same for versions 0 and 1.
/// </summary>
/// <remarks>
/// The <c>push</c> method answers at once and pushes in the background, as a meter does; <see cref="PushNowAsync"/>
/// waits for the outcome. An object of the list the device lacks, or an attribute it refuses to read, is pushed as
/// null-data. Only A-XDR messages (message type 0) are sent. Over the TCP and UDP wrapper the confirmation is read
/// from the push's own connection; with <see cref="PushSetupServerOptions.Send"/> or HDLC, pass it to
/// <see cref="AcceptConfirmation"/>.
/// </remarks>
public partial class PushSetupServer : PushSetup
{
    private readonly PushEngine _engine;

    /// <param name="logicalName">The push setup's logical name, 0.b.25.9.0.255 (b = 0 for the first, 1.. for more).</param>
    /// <param name="device">The logical device whose objects the push_object_list names.</param>
    /// <param name="options">Protection, clock and transport; null sends in the clear over the wrapper.</param>
    public PushSetupServer(ObisCode logicalName, LogicalDevice device, PushSetupServerOptions? options = null)
        : base(logicalName)
    {
        _engine = new PushEngine(logicalName.ToString(), device, options, () => new PushSettings(PushObjectList,
            SendDestinationAndMethod, CommunicationWindow, RandomisationStartInterval, NumberOfRetries,
            retry => PushSchedule.RetryDelay(RepetitionDelay, retry), ClientSapOf(PushClientSap), PushProtectionParameters,
            PushOperationMethod, ConfirmationParameters, LastConfirmationDateTime, confirmed => LastConfirmationDateTime = confirmed));
        RepetitionDelay = new RepetitionDelay(5, 100, 0);
        PushClientSap = (sbyte)DefaultPushClientSap;
    }

    /// <summary>How pushes are protected and sent.</summary>
    public PushSetupServerOptions Options => _engine.Options;

    /// <summary>Pushes that reached the destination's transport.</summary>
    public long SentCount => _engine.SentCount;

    /// <summary>Pushes abandoned (outside every window, or every attempt failed).</summary>
    public long FailedCount => _engine.FailedCount;

    /// <summary>Adds <paramref name="attribute"/> of <paramref name="source"/> (element <paramref name="dataIndex"/>
    /// when not 0) to push_object_list.</summary>
    public PushSetupServer Push(CosemObject source, sbyte attribute = 2, ushort dataIndex = 0)
    {
        PushObjectList = PushEngine.Append(PushObjectList, source, attribute, dataIndex);
        return this;
    }

    /// <summary>push (method 1): starts a push in the background and answers at once.</summary>
    protected override ValueTask PushAsync(RequestContext context, CancellationToken cancellationToken)
    {
        _ = TriggerAsync();
        return default;
    }

    /// <summary>Starts a push in the background (a schedule's tick, an alarm) and returns the task of its outcome;
    /// pushes of one object run one after the other.</summary>
    public Task<PushResult> TriggerAsync(CancellationToken cancellationToken = default) => _engine.TriggerAsync(cancellationToken);

    /// <summary>
    /// Pushes now and waits for the outcome: outside every communication window it waits for the next one (or gives
    /// up when none lies ahead); then after a random delay up to randomisation_start_interval the data-notification
    /// is built and sent, retried on failure number_of_retries times after repetition_delay.
    /// </summary>
    public Task<PushResult> PushNowAsync(CancellationToken cancellationToken = default) => _engine.PushNowAsync(cancellationToken);

    /// <summary>
    /// The plain DataNotification this object pushes now: long-invoke-id (counting up, unconfirmed), the current
    /// date-time, and a structure with one element per push_object_list entry.
    /// </summary>
    public ValueTask<byte[]> BuildNotificationAsync(CancellationToken cancellationToken = default) =>
        _engine.BuildNotificationAsync(PushObjectList, cancellationToken);

    /// <summary>
    /// The DataNotification of <see cref="BuildNotificationAsync"/>, protected as push_protection_parameters says
    /// (when empty: ciphered as <see cref="PushSetupServerOptions.Protection"/> says and signed when
    /// <see cref="PushSetupServerOptions.Signed"/>) with the next invocation counter of the association security.
    /// Throws <see cref="PushProtectionRefusedException"/> when a protection's key is missing.
    /// </summary>
    public ValueTask<byte[]> BuildProtectedAsync(CancellationToken cancellationToken = default) =>
        _engine.BuildProtectedAsync(cancellationToken);

    /// <summary>
    /// Hands over a data-notification-confirm the destination sent by a way the push setup does not read itself
    /// (<see cref="PushSetupServerOptions.Send"/>, HDLC). Returns true when it confirms the confirmed push under way
    /// (its invoke-id is one that push sent); a stray or malformed APDU is ignored, logged, and returns false.
    /// </summary>
    public bool AcceptConfirmation(ReadOnlyMemory<byte> apdu) => _engine.AcceptConfirmation(apdu);

    /// <summary>The wrapper port pushes go to for a push_client_sap value: 102 when 0 or negative.</summary>
    internal static ushort ClientSapOf(sbyte pushClientSap) => pushClientSap > 0 ? (ushort)pushClientSap : DefaultPushClientSap;
}
