using System.Net;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Client;

/// <summary>Where an APDU handed to <see cref="PushNotificationDecoder"/> came from.</summary>
/// <param name="RemoteEndPoint">The sender's address, when the transport knows it.</param>
/// <param name="SourceAddress">The wrapper source wPort (or link source address).</param>
/// <param name="DestinationAddress">The wrapper destination wPort (or link destination address).</param>
/// <param name="SystemTitle">The sender's system title when known from outside the APDU (an earlier
/// general-glo-ciphered APDU on the same connection, a configured address); used for service-specific ciphering,
/// which carries none.</param>
public readonly record struct PushOrigin(EndPoint? RemoteEndPoint, int SourceAddress, int DestinationAddress, SystemTitle? SystemTitle = null);
