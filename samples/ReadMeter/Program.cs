using Cosem.Samples.ReadMeter;
using Cosem.Sdk;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Objects;

// Reads a meter with the typed client. No arguments: a simulated meter is started in this process first.
MeterTarget target;
try
{
    target = await MeterTarget.FromArgumentsAsync(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
await using (target)
{
    try
    {
        // ---- The user code: connect, read the clock, energy with scaler and unit, a load profile range, release.
        await using var meter = await CosemClient.ConnectAsync(target.Transport, target.Options);
        var device = new ReferenceMeter(meter);                        // generated from schema/devices/reference-meter.cosem.xml

        var now = await device.Clock.GetTimeAsync();
        Console.WriteLine($"Clock                 {now}");
        Console.WriteLine($"Active energy import  {await device.ActiveEnergyImport.GetQuantityAsync()}");
        Console.WriteLine($"Active energy export  {await device.ActiveEnergyExport.GetQuantityAsync()}");
        Console.WriteLine($"Active power import   {await device.ActivePowerImport.GetQuantityAsync()}");
        Console.WriteLine($"Voltage L1            {await device.VoltageL1.GetQuantityAsync()}");

        var to = now.ToDateTimeOffset();
        Console.WriteLine("Load profile, last two hours (typed rows, streamed while the blocks arrive):");
        await foreach (var row in device.LoadProfile.ReadRangeAsync(to.AddHours(-2), to))   // selective access by range
        {
            Console.WriteLine($"  {row.Time}  import {row.ActiveEnergyImportQuantity}  export {row.ActiveEnergyExportQuantity}");
        }

        await meter.ReleaseAsync();
        // ---- End of the user code.
        return 0;
    }
    catch (CosemException e)
    {
        Console.Error.WriteLine($"Reading the meter failed: {e.Message}");
        return 1;
    }
}
