using Microsoft.Extensions.Diagnostics.HealthChecks;
using NVelopes.Grains.Abstractions.Health;
using Orleans.Runtime;

namespace NVelopes.Api.Health;

/// <summary>
/// Ready when a silo reads the account store: the probe goes through the grains (<see cref="IStoreHealthGrain"/>), so
/// it checks the path a request takes whether the silo is co-hosted or the gateway is a client of a cluster.
/// </summary>
public sealed class StoreHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var probe = await grains.GetGrain<IStoreHealthGrain>(0).ProbeAsync(cancellationToken).WaitAsync(cancellationToken);
            return probe.Reachable
                ? HealthCheckResult.Healthy($"The {probe.Store} account store answered.")
                : HealthCheckResult.Unhealthy($"The {probe.Store} account store did not answer.");
        }
        catch (Exception failure) when (failure is OrleansException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("No silo answered the store probe.", failure);
        }
    }
}
