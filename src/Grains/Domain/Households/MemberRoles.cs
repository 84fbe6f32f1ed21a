namespace NVelopes.Grains.Domain.Households;

/// <summary>The roles by their wire names (<c>owner</c>, <c>editor</c>, <c>viewer</c>), and the check that a role suffices.</summary>
public static class MemberRoles
{
    public const string Owner = "owner";
    public const string Editor = "editor";
    public const string Viewer = "viewer";

    public static string NameOf(MemberRole role) => role switch
    {
        MemberRole.Owner => Owner,
        MemberRole.Editor => Editor,
        MemberRole.Viewer => Viewer,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    /// <summary>The role <paramref name="name"/> names, in any case; anything else is refused with the roles there are.</summary>
    public static MemberRole Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        Owner => MemberRole.Owner,
        Editor => MemberRole.Editor,
        Viewer => MemberRole.Viewer,
        _ => throw DomainException.Invalid($"role must be one of '{Owner}', '{Editor}' or '{Viewer}'."),
    };

    /// <summary>Refuses a member holding <paramref name="held"/> what needs <paramref name="needed"/>, naming the role needed.</summary>
    public static void Require(MemberRole held, MemberRole needed)
    {
        if (held < needed)
            throw DomainException.Forbidden(
                $"This needs the '{NameOf(needed)}' role on the account (or a higher one); you are '{NameOf(held)}'.");
    }
}
