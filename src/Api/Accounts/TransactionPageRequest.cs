using System.ComponentModel.DataAnnotations;
using NVelopes.Grains.Domain;

namespace NVelopes.Api.Accounts;

/// <summary>
/// The route of <c>GET /accounts/{id}/transactions/{page}/{size}</c>: page from 0, size 1 to
/// <see cref="AccountLimits.TransactionsPerPage"/> (the messages' <c>{1}</c> and <c>{2}</c> are the range's ends).
/// </summary>
public sealed record TransactionPageRequest(
    string Id,
    [Range(0, int.MaxValue, ErrorMessage = "page must be 0 or more.")] int Page,
    [Range(1, AccountLimits.TransactionsPerPage, ErrorMessage = "size must be from {1} to {2}.")] int Size);
