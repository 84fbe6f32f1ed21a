using NVelopes.Grains.Domain.Households;

namespace NVelopes.Grains.Storage;

/// <summary>
/// One line of an opener's account list; <see cref="OpenerRole"/> is the role the user who opened the account holds
/// there now, null once they left it.
/// </summary>
public sealed record AccountSummary(string AccountId, string Name, decimal Balance, MemberRole? OpenerRole = MemberRole.Owner);
