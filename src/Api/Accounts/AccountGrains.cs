using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Api.Accounts;

/// <summary>
/// References to account grains. <see cref="IGrainFactory.GetGrain{TGrainInterface}(string, string)"/> looks the
/// interface's grain type up again on every call, by reflection over its attributes, which costs a request more than
/// the grain call's own bookkeeping; the two types are resolved here once and each reference is built from them.
/// </summary>
public sealed class AccountGrains(IGrainFactory grains)
{
    private readonly Lazy<(GrainType Grain, GrainInterfaceType Interface)> _types = new(() =>
    {
        var reference = (GrainReference)(object)grains.GetGrain<IAccountGrain>(AccountIds.New());
        return (reference.GrainId.Type, reference.InterfaceType);
    });

    /// <summary>The same reference as <c>GetGrain&lt;IAccountGrain&gt;(accountId)</c>.</summary>
    public IAccountGrain For(string accountId)
    {
        var (grainType, interfaceType) = _types.Value;
        return (IAccountGrain)grains.GetGrain(GrainId.Create(grainType, accountId), interfaceType);
    }
}
