namespace Cosem.HeadEnd.Push;

/// <summary>
/// A notification a meter pushed (DataNotification, EventNotification or a ciphered APDU), as a listener received it:
/// the sender's system title and the APDU bytes, still protected if they were.
/// </summary>
/// <param name="SystemTitle">The meter's system title, 8 bytes.</param>
/// <param name="Body">The notification APDU.</param>
/// <param name="ReceivedAt">When the listener received it.</param>
[GenerateSerializer, Immutable, Alias("Cosem.HeadEnd.PushNotification")]
public sealed record PushNotification(
    [property: Id(0)] byte[] SystemTitle,
    [property: Id(1)] byte[] Body,
    [property: Id(2)] DateTimeOffset ReceivedAt);
