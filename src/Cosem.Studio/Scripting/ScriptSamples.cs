namespace Cosem.Studio.Meters;

/// <summary>The script the pane starts with: reads the clock and the energy register of a meter through typed proxies.</summary>
public static class ScriptSamples
{
    /// <summary>A first script to edit.</summary>
    public const string Default = """
        // Globals: meter (CosemClient), objects (object list), Proxy("obis") / Proxy<T>("obis"), Print(x), CancellationToken.
        var clock = Proxy<Clock.Proxy>("0.0.1.0.0.255");
        Print($"time: {await clock.GetTimeAsync(CancellationToken)}");
        foreach (var entry in objects!.Objects.Where(o => o.ClassId == 3))
        {
            var register = Proxy<Register.Proxy>(entry.LogicalName.ToString());
            Print($"{entry.LogicalName}: {await register.GetQuantityAsync(CancellationToken)}");
        }
        """;
}
