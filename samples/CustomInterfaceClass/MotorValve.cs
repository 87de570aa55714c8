using Acme.Metering;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Server;

namespace CustomInterfaceClass;

/// <summary>
/// The meter side of the valve: overrides what the hardware does and leaves the other attributes to the generated
/// in-memory defaults.
/// </summary>
internal sealed class MotorValve(ObisCode logicalName) : AcmeValve(logicalName)
{
    protected override ValueTask OpenAsync(RequestContext context, CancellationToken cancellationToken) => MoveTo(100);

    protected override ValueTask CloseAsync(RequestContext context, CancellationToken cancellationToken) => MoveTo(0);

    protected override ValueTask MoveToAsync(byte parameter, RequestContext context, CancellationToken cancellationToken) =>
        MoveTo(Math.Min(parameter, (byte)100));

    private ValueTask MoveTo(byte position)
    {
        Console.WriteLine($"  [meter] motor drives the valve to {position} %");
        Position = position;
        State = position == 0 ? ValveState.Closed : ValveState.Open;
        return ValueTask.CompletedTask;
    }
}
