namespace Cosem.HeadEnd.Storage;

/// <summary>
/// One value read from a meter. (<see cref="MeterId"/>, <see cref="LogicalName"/>, <see cref="Attribute"/>,
/// <see cref="CaptureTime"/>) is the identity a store keeps once: the same value read twice is stored once.
/// </summary>
/// <param name="MeterId">The meter, as in <see cref="Meters.MeterSettings.MeterId"/>.</param>
/// <param name="LogicalName">The OBIS code of the object, dotted (<c>1.0.1.8.0.255</c>).</param>
/// <param name="Attribute">The attribute index (2 for a register value or a profile column's captured attribute).</param>
/// <param name="CaptureTime">When the meter captured the value, by the meter's clock, in UTC.</param>
/// <param name="Value">The value as the SDK prints it (numbers invariant), scaled when a scaler was read.</param>
/// <param name="Unit">The unit when one was read (<c>WattHour</c>), else null.</param>
/// <param name="Profile">The profile the value is a row cell of (where a profile read resumes), or null for a value
/// read directly.</param>
[GenerateSerializer, Immutable, Alias("Cosem.HeadEnd.MeterReading")]
public sealed record MeterReading(
    [property: Id(0)] string MeterId,
    [property: Id(1)] string LogicalName,
    [property: Id(2)] int Attribute,
    [property: Id(3)] DateTimeOffset CaptureTime,
    [property: Id(4)] string Value,
    [property: Id(5)] string? Unit,
    [property: Id(6)] string? Profile = null);
