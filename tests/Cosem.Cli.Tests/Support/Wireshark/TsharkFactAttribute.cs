namespace Cosem.Cli.Tests.Wireshark;

/// <summary>
/// A fact that runs the generated dissector in tshark. xunit 2 decides skipping at discovery, so the attribute looks
/// for tshark and text2pcap then: without them the test is reported as skipped with the reason, never passed. With
/// <c>COSEM_REQUIRE_TSHARK_TESTS</c> set (as <c>.ci/run</c> does) it always runs, and missing tools fail it.
/// </summary>
internal sealed class TsharkFactAttribute : FactAttribute
{
    public TsharkFactAttribute()
    {
        if (Tshark.SkipReason() is { } reason)
        {
            Skip = reason;
        }
    }
}
