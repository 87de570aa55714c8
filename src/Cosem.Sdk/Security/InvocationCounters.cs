namespace Cosem.Sdk.Security;

/// <summary>Shared helpers for the invocation counter stores.</summary>
internal static class InvocationCounters
{
    public static CosemSecurityException Exhausted(string counterId) =>
        new(SecurityFailure.InvocationCounterExhausted,
            $"Invocation counter \"{counterId}\" reached 0xFFFFFFFF; set a new key before sending again.");
}
