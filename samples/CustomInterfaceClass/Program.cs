// A manufacturer-specific COSEM class (Schema/acme-valve.cosem.xml) and a device profile (Devices/) in a user
// project: the generator turns them into AcmeValve (server base), AcmeValve.Proxy (client), ValveState,
// ValveAlarms and the AcmeWaterMeter facade. LoopbackSession serves the proxies from server objects in-process,
// through the same A-XDR encoding a meter would use, so this runs without hardware.
using Acme.Metering;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using CustomInterfaceClass;

var valveName = ObisCode.Parse("0-128:96.1.0*255");
var meterObjects = new Cosem.Sdk.ObjectModel.CosemObject[]
{
    new Clock(ObisCode.Clock) { Time = CosemDateTime.From(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)) },
    new Register(new ObisCode(8, 0, 1, 0, 0, 255)) { Value = CosemData.FromUInt32(123_456), ScalerUnit = new ScalerUnit(-3, Unit.CubicMetre) },
    new MotorValve(valveName) { FlowScalerUnit = new ScalerUnit(-3, Unit.CubicMetrePerHour), Flow = 1_250 },
};

#region use-device
var meter = new AcmeWaterMeter(new LoopbackSession(meterObjects));

Console.WriteLine($"Clock:  {await meter.Clock.GetTimeAsync()}");
var volume = await meter.Volume.GetValueAsync();
var volumeUnit = await meter.Volume.GetScalerUnitAsync();
Console.WriteLine($"Volume: {Quantity.From(volume, volumeUnit)}");

Console.WriteLine($"Valve:  {await meter.Valve.GetStateAsync()} at {await meter.Valve.GetPositionAsync()} %");
Console.WriteLine("Client: open the valve");
await meter.Valve.OpenAsync();
Console.WriteLine($"Valve:  {await meter.Valve.GetStateAsync()} at {await meter.Valve.GetPositionAsync()} %");
Console.WriteLine("Client: move to 35 %");
await meter.Valve.MoveToAsync(35);
#endregion
var flowUnit = await meter.Valve.GetFlowScalerUnitAsync();
Console.WriteLine($"Valve:  {await meter.Valve.GetPositionAsync()} %, flow {Quantity.From(await meter.Valve.GetFlowAsync(), flowUnit)}");

try
{
    await meter.Valve.SetStateAsync(ValveState.Fault); // the default setter stores it: state is read-only by metadata only
    Console.WriteLine($"Valve:  state forced to {await meter.Valve.GetStateAsync()} (access rights are the association's job)");
    await meter.Clock.AdjustToQuarterAsync();            // not implemented by this Clock: refused
}
catch (CosemServiceException e)
{
    Console.WriteLine($"Meter refused: {e.ActionResult}");
}

#region registry
// The registry turns an object-list entry (class id, version, logical name) into a typed proxy.
var proxy = CosemClassRegistry.Default.CreateProxy(meter.Session, 9001, 0, valveName);
Console.WriteLine($"Registry: class 9001 v0 -> {proxy?.GetType().FullName}");
#endregion
