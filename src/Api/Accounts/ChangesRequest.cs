using Microsoft.AspNetCore.Mvc;
using NVelopes.Grains.Domain;

namespace NVelopes.Api.Accounts;

/// <summary>
/// The query of <c>GET /accounts/{id}/changes</c>: the events after version <see cref="Since"/> (default 0, all of
/// them), at most <see cref="Limit"/> (default <see cref="DefaultLimit"/>, at most <see cref="AccountLimits.ChangesPerRead"/>).
/// </summary>
public sealed record ChangesRequest(string Id, [FromQuery(Name = "since")] long? Since, [FromQuery(Name = "limit")] int? Limit)
{
    public const int DefaultLimit = 100;
}
