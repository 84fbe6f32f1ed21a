using System.Collections.Immutable;
using NVelopes.Grains.Abstractions;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Users;

namespace NVelopes.Grains.Users;

/// <summary>
/// The notes of one username's invitations. At most <see cref="NotesKept"/> are kept, the newest: an account holds
/// at most 20 pending invitations, so only invitations long withdrawn or declined fall off the end.
/// </summary>
internal sealed class InvitationInboxGrain(
    [PersistentState(InvitationInboxState.StateName, StorageNames.Users)] IPersistentState<InvitationInboxState> inbox)
    : Grain, IInvitationInboxGrain
{
    public const int NotesKept = 200;

    public async Task NoteAsync(string invitationId, CancellationToken cancellationToken)
    {
        var notes = inbox.State.InvitationIds;
        if (notes.Contains(invitationId)) return;
        notes.Add(invitationId);
        if (notes.Count > NotesKept) notes.RemoveRange(0, notes.Count - NotesKept);
        await WriteAsync();
    }

    public Task<ImmutableArray<string>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<ImmutableArray<string>>([.. inbox.State.InvitationIds]);

    public async Task ForgetAsync(ImmutableArray<string> invitationIds, CancellationToken cancellationToken)
    {
        if (inbox.State.InvitationIds.RemoveAll(invitationIds.Contains) > 0) await WriteAsync();
    }

    private async Task WriteAsync()
    {
        try
        {
            await inbox.WriteStateAsync(CancellationToken.None);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // What the store holds is unknown now: the next call reads it afresh in a new activation.
            DeactivateOnIdle();
            throw new NVelopesException(ErrorKind.Unavailable, "The user store is unavailable right now; try again shortly.");
        }
    }
}
