using System.Collections.Immutable;

namespace NVelopes.Grains.Abstractions.Users;

/// <summary>
/// Notes of the invitations sent to one username, keyed by its normalised key, held whether or not anyone has the
/// name. A note is only a pointer: the invitation itself lives in its account, which says whether it is still
/// pending for this name, so a stale note is harmless and is dropped when the invitee reads their invitations.
/// </summary>
[Alias("NVelopes.IInvitationInboxGrain")]
public interface IInvitationInboxGrain : IGrainWithStringKey
{
    [Alias("Note")]
    Task NoteAsync(string invitationId, CancellationToken cancellationToken = default);

    [Alias("List")]
    Task<ImmutableArray<string>> ListAsync(CancellationToken cancellationToken = default);

    [Alias("Forget")]
    Task ForgetAsync(ImmutableArray<string> invitationIds, CancellationToken cancellationToken = default);
}
