namespace NVelopes.Grains.Domain.Households;

/// <summary>How many people may share one account: a household, not a directory.</summary>
public static class HouseholdLimits
{
    public const int MembersPerAccount = 20;
    public const int PendingInvitationsPerAccount = 20;
}
