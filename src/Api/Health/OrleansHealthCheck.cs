using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace NVelopes.Api.Health;

/// <summary>Ready when the cluster answers a grain call and counts at least one active silo.</summary>
public sealed class OrleansHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var silos = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken);
            return silos.Count > 0
                ? HealthCheckResult.Healthy($"{silos.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception failure) when (failure is OrleansException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The Orleans cluster did not answer.", failure);
        }
    }
}
