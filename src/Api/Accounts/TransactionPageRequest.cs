using System.ComponentModel.DataAnnotations;

namespace NVelopes.Api.Accounts;

/// <summary>The route of <c>GET /accounts/{id}/transactions/{page}/{size}</c>: page from 0, size 1–1000.</summary>
public sealed record TransactionPageRequest(
    string Id,
    [Range(0, int.MaxValue, ErrorMessage = "page must be 0 or more.")] int Page,
    [Range(1, TransactionPageRequest.MaxSize, ErrorMessage = "size must be from 1 to 1000.")] int Size)
{
    public const int MaxSize = 1000;
}
