namespace Cosem.HeadEnd.Tests.Support;

/// <summary>
/// A fact that needs a PostgreSQL server, started by the test itself. xunit 2 decides skipping at discovery: without
/// the server binaries the test is reported as skipped with the reason. With <c>COSEM_REQUIRE_POSTGRES_TESTS</c> set
/// (as <c>.ci/run</c> does after installing postgresql) it always runs, and a server that cannot start fails it.
/// </summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason() is { } reason)
        {
            Skip = reason;
        }
    }
}
