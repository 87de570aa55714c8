namespace Cosem.HeadEnd.Meters;

/// <summary>
/// What one scheduled read fetches from a meter. Logical names are OBIS codes in dotted form
/// (<c>1.0.1.8.0.255</c>); profiles are read by range from the last capture time stored, so each row is fetched once.
/// </summary>
[GenerateSerializer, Immutable, Alias("Cosem.HeadEnd.ReadPlan")]
public sealed record ReadPlan
{
    /// <summary>The plan of the simulated meters: clock, two energy registers, the load profile and the event log.</summary>
    public static ReadPlan Default { get; } = new()
    {
        Registers = ["1.0.1.8.0.255", "1.0.2.8.0.255"],
        LoadProfile = "1.0.99.1.0.255",
        EventLog = "0.0.99.98.0.255",
    };

    /// <summary>Read the clock (class 8, attribute 2); its value is also the capture time of the register values.</summary>
    [Id(0)]
    public bool Clock { get; init; } = true;

    /// <summary>Registers (class 3) whose value (attribute 2) and scaler/unit (attribute 3) are read.</summary>
    [Id(1)]
    public string[] Registers { get; init; } = [];

    /// <summary>A load profile (class 7) read since the last stored row; null to skip.</summary>
    [Id(2)]
    public string? LoadProfile { get; init; }

    /// <summary>An event log (class 7) read since the last stored entry; null to skip.</summary>
    [Id(3)]
    public string? EventLog { get; init; }
}
