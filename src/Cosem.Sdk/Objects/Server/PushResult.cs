namespace Cosem.Sdk.Objects;

/// <summary>What one push operation of a <see cref="PushSetupServer"/> came to.</summary>
/// <param name="Sent">Whether a data-notification reached the destination's transport.</param>
/// <param name="Attempts">Sending attempts made: up to 1 + number_of_retries; 0 when nothing was tried.</param>
/// <param name="Error">Why the push was not sent (outside every communication window, an unsupported transport, the
/// last attempt's failure); null when sent.</param>
public sealed record PushResult(bool Sent, int Attempts, string? Error);
