namespace NVelopes.Grains.Users;

/// <summary>The persisted notes of one username's invitations, oldest first.</summary>
[GenerateSerializer, Alias("NVelopes.InvitationInboxState")]
public sealed class InvitationInboxState
{
    /// <summary>The state name the inbox grain persists this record under.</summary>
    public const string StateName = "invitations";

    [Id(0)] public List<string> InvitationIds { get; set; } = [];
}
