namespace NVelopes.Observability.Tests.Infrastructure;

/// <summary>
/// The tests of this assembly run one at a time: each hosts its own gateway, and span listeners are process-wide.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ObservabilityCollection
{
    public const string Name = "observability";
}
