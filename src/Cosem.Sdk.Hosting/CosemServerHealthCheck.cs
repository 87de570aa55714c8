using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cosem.Sdk.Hosting;

/// <summary>
/// Healthy when the hosted server runs and listens on every configured endpoint; Unhealthy before it started, after
/// it stopped, or when a listener could not start. The data lists the end points, active sessions and refusals.
/// </summary>
public sealed class CosemServerHealthCheck(CosemServerHost host) : IHealthCheck
{
    /// <summary>Checks the hosted server.</summary>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var server = host.Server;
        var failed = host.FailedListeners;
        var data = new Dictionary<string, object>
        {
            ["endpoints"] = server?.EndPoints.Select(e => e.ToString()).ToArray() ?? [],
            ["activeSessions"] = server?.ActiveSessions ?? 0,
            ["refusedConnections"] = server?.RefusedConnections ?? 0L,
            ["failedListeners"] = failed.ToArray(),
        };
        HealthCheckResult result;
        if (server is null)
        {
            result = new HealthCheckResult(context.Registration.FailureStatus, "The COSEM server is not running.", data: data);
        }
        else if (failed.Count > 0 || server.EndPoints.Count < host.ExpectedListeners)
        {
            result = new HealthCheckResult(context.Registration.FailureStatus,
                $"The COSEM server listens on {server.EndPoints.Count} of {host.ExpectedListeners} endpoints.", data: data);
        }
        else
        {
            result = HealthCheckResult.Healthy($"The COSEM server listens on {server.EndPoints.Count} endpoint(s).", data);
        }
        return Task.FromResult(result);
    }
}
