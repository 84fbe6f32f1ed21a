using System.Collections.Immutable;

namespace NVelopes.Grains.Abstractions.Accounts;

/// <summary>
/// One bank account, keyed by its opaque id. It is the only writer of its account: commands run in arrival
/// order and each answer is sent only after the change it reports is durable.
/// </summary>
[Alias("NVelopes.IAccountGrain")]
public partial interface IAccountGrain : IGrainWithStringKey
{
    [Alias("Open")]
    Task<AccountUpdate> OpenAsync(OpenAccount command, CancellationToken cancellationToken = default);

    [Alias("View")]
    Task<AccountView> ViewAsync(ViewAccount query, CancellationToken cancellationToken = default);

    [Alias("ReadHistory")]
    Task<ImmutableArray<TransactionView>> ReadHistoryAsync(ReadHistory query, CancellationToken cancellationToken = default);

    [Alias("AddEnvelopes")]
    Task<AccountUpdate> AddEnvelopesAsync(AddEnvelopes command, CancellationToken cancellationToken = default);

    [Alias("RenameEnvelope")]
    Task<AccountUpdate> RenameEnvelopeAsync(RenameEnvelope command, CancellationToken cancellationToken = default);

    [Alias("AddPaymentSource")]
    Task<AccountUpdate> AddPaymentSourceAsync(AddPaymentSource command, CancellationToken cancellationToken = default);

    [Alias("UpdatePaymentSource")]
    Task<AccountUpdate> UpdatePaymentSourceAsync(UpdatePaymentSource command, CancellationToken cancellationToken = default);

    [Alias("RecordMovement")]
    Task<AccountUpdate> RecordMovementAsync(RecordMovement command, CancellationToken cancellationToken = default);

    [Alias("MoveMoney")]
    Task<AccountUpdate> MoveMoneyAsync(MoveMoney command, CancellationToken cancellationToken = default);

    [Alias("Pay")]
    Task<AccountUpdate> PayAsync(Pay command, CancellationToken cancellationToken = default);

    [Alias("UndoLast")]
    Task<AccountUpdate> UndoLastAsync(UndoLast command, CancellationToken cancellationToken = default);

    [Alias("Redo")]
    Task<AccountUpdate> RedoAsync(RedoLast command, CancellationToken cancellationToken = default);

    [Alias("ReadChanges")]
    Task<ChangePage> ReadChangesAsync(ReadChanges query, CancellationToken cancellationToken = default);

    [Alias("WatchChanges")]
    Task<ChangePage> WatchChangesAsync(WatchChanges query, CancellationToken cancellationToken = default);

    [Alias("Import")]
    Task<Imports.ImportReport> ImportAsync(Imports.ImportStatement command, CancellationToken cancellationToken = default);

    [Alias("Close")]
    Task CloseAsync(CloseAccount command, CancellationToken cancellationToken = default);
}
