using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Objects;

/// <summary>
/// A Push setup of version 1 (class 40, Blue Book Ed.15 §4.4.8; schema/classes/push-setup.v1.cosem.xml) that pushes
/// exactly as <see cref="PushSetupServer"/> does: push_object_list, send_destination_and_method,
/// communication_window, randomisation_start_interval and number_of_retries mean the same. Version 1 adds port_reference, push_client_sap (the wPort pushes go to; 102 when 0 or negative) and push_protection_parameters (which, when not empty, decide the protection as in <see cref="PushSetupServer"/>); its repetition_delay is still a fixed number of seconds between attempts.
/// </summary>
public class PushSetupV1Server : PushSetupV1
{
    private readonly PushEngine _engine;

    /// <param name="logicalName">The push setup's logical name, 0.b.25.9.0.255.</param>
    /// <param name="device">The logical device whose objects the push_object_list names.</param>
    /// <param name="options">Protection, clock and transport; null sends in the clear over the wrapper.</param>
    public PushSetupV1Server(ObisCode logicalName, LogicalDevice device, PushSetupServerOptions? options = null)
        : base(logicalName)
    {
        _engine = new PushEngine(logicalName.ToString(), device, options, () => new PushSettings(PushObjectList,
            SendDestinationAndMethod, CommunicationWindow, RandomisationStartInterval, NumberOfRetries,
            _ => TimeSpan.FromSeconds(RepetitionDelay), PushSetupServer.ClientSapOf(PushClientSap), PushProtectionParameters));
        PushClientSap = (sbyte)PushSetupServer.DefaultPushClientSap;
    }

    /// <summary>How pushes are protected and sent.</summary>
    public PushSetupServerOptions Options => _engine.Options;

    /// <summary>Pushes that reached the destination's transport.</summary>
    public long SentCount => _engine.SentCount;

    /// <summary>Pushes abandoned (no window ahead, or every attempt failed).</summary>
    public long FailedCount => _engine.FailedCount;

    /// <summary>Adds <paramref name="attribute"/> of <paramref name="source"/> (element <paramref name="dataIndex"/>
    /// when not 0) to push_object_list.</summary>
    public PushSetupV1Server Push(CosemObject source, sbyte attribute = 2, ushort dataIndex = 0)
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

    /// <summary>Starts a push in the background and returns the task of its outcome; pushes of one object run one
    /// after the other.</summary>
    public Task<PushResult> TriggerAsync(CancellationToken cancellationToken = default) => _engine.TriggerAsync(cancellationToken);

    /// <summary>Pushes now and waits for the outcome (windows, randomisation and retries as
    /// <see cref="PushSetupServer.PushNowAsync"/>, with the fixed repetition_delay of this version).</summary>
    public Task<PushResult> PushNowAsync(CancellationToken cancellationToken = default) => _engine.PushNowAsync(cancellationToken);

    /// <summary>The protected APDU this object would push now: as push_protection_parameters says, or when empty
    /// ciphered and signed as the options say.</summary>
    public ValueTask<byte[]> BuildProtectedAsync(CancellationToken cancellationToken = default) =>
        _engine.BuildProtectedAsync(cancellationToken);
}
