using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Samples.MeterSimulator;

/// <summary>
/// The supply disconnector (class 70) in control mode 2 (Blue Book §4.5.8): remote_disconnect opens the supply,
/// remote_reconnect closes it directly. The model stops metering while it is open.
/// </summary>
public sealed class SimulatedDisconnectControl : DisconnectControl
{
    private readonly MeterModel _model;
    private readonly Action<bool> _switched;

    public SimulatedDisconnectControl(MeterModel model, Action<bool> switched)
        : base(new ObisCode(0, 0, 96, 3, 10, 255))
    {
        _model = model;
        _switched = switched;
        ControlMode = DisconnectControlMode.Mode2;
        OutputState = true;
        ControlState = DisconnectControlState.Connected;
    }

    protected override ValueTask RemoteDisconnectAsync(RequestContext context, CancellationToken cancellationToken)
    {
        Switch(false);
        return default;
    }

    protected override ValueTask RemoteReconnectAsync(RequestContext context, CancellationToken cancellationToken)
    {
        Switch(true);
        return default;
    }

    private void Switch(bool connected)
    {
        if (OutputState == connected)
        {
            return; // already there: no transition, no event
        }
        _model.Connected = connected;
        OutputState = connected;
        ControlState = connected ? DisconnectControlState.Connected : DisconnectControlState.Disconnected;
        _switched(connected);
    }
}
