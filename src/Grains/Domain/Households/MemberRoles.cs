namespace NVelopes.Grains.Domain.Households;

/// <summary>The roles by their wire names (<c>owner</c>, <c>editor</c>, <c>viewer</c>), and the check that a role suffices.</summary>
public static class MemberRoles
{
    public const string Owner = "owner";
    public const string Editor = "editor";
    public const string Viewer = "viewer";

    public const string UnknownRoleMessage = $"role must be one of '{Owner}', '{Editor}' or '{Viewer}'.";

    /// <summary>Why a member holding the role <paramref name="held"/> may not do what needs <paramref name="needed"/>.</summary>
    public static string ForbiddenMessage(string needed, string held) =>
        $"This needs the '{needed}' role on the account (or a higher one); you are '{held}'.";

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
        _ => throw DomainException.Invalid(UnknownRoleMessage),
    };

    /// <summary>Refuses a member holding <paramref name="held"/> what needs <paramref name="needed"/>, naming the role needed.</summary>
    public static void Require(MemberRole held, MemberRole needed)
    {
        if (held < needed)
            throw DomainException.Forbidden(ForbiddenMessage(NameOf(needed), NameOf(held)));
    }
}
