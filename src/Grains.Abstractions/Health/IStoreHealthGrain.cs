namespace NVelopes.Grains.Abstractions.Health;

/// <summary>Answers whether the silo that runs it can read the account store (for <c>/health/ready</c>).</summary>
[Alias("NVelopes.IStoreHealthGrain")]
public interface IStoreHealthGrain : IGrainWithIntegerKey
{
    /// <summary>Does one cheap read (an account that never exists) and says whether the store answered.</summary>
    [Alias("Probe")]
    Task<StoreProbe> ProbeAsync(CancellationToken cancellationToken);
}
