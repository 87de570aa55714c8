namespace Cosem.Sdk.Tests.Serial;

/// <summary>
/// A fact that needs socat to make pseudo-terminal pairs. xunit 2 decides skipping when tests are discovered, so the
/// attribute looks for socat then: without it the test is reported as skipped with the reason, never passed. With
/// <c>COSEM_REQUIRE_SERIAL_TESTS</c> set (as CI does) it always runs, and a missing socat fails it.
/// </summary>
internal sealed class SerialFactAttribute : FactAttribute
{
    public SerialFactAttribute()
    {
        if (SocatPtyPair.SkipReason() is { } reason)
        {
            Skip = reason;
        }
    }
}
