using Microsoft.AspNetCore.Mvc;

namespace NVelopes.Api.Accounts;

/// <summary>
/// The query of <c>GET /accounts/{id}/changes</c>: the events after version <see cref="Since"/> (default 0, all of
/// them), at most <see cref="Limit"/> (default <see cref="DefaultLimit"/>, at most <see cref="MaxLimit"/>).
/// </summary>
public sealed record ChangesRequest(string Id, [FromQuery(Name = "since")] long? Since, [FromQuery(Name = "limit")] int? Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
