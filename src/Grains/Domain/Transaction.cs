using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace NVelopes.Grains.Domain;

/// <summary>
/// One entry of an account's history, as facts: which envelope (and, for a move, which other one) with the names
/// they had when it was recorded, the payer of a pay, the description as given. Debits and cash withdrawals carry a
/// negative <see cref="Amount"/>, as in the original; a pay records its split so that undo can reverse it exactly.
/// How the original displayed a transaction (upper-case op, -1 for no envelope, "A -> B") is the API's rendering.
/// </summary>
/// <param name="EnvelopeId">The envelope of a deposit, debit or cash withdrawal, or the source of a move; none for a pay.</param>
/// <param name="ToEnvelopeId">The target of a move; none otherwise.</param>
/// <param name="Payer">Who paid, for a pay; none otherwise.</param>
/// <param name="ImportId">
/// The id of the statement line an import recorded this transaction from (<see cref="Import.ImportIds"/>); none for
/// a transaction entered by hand. It is how the account knows the lines it already holds.
/// </param>
public sealed record Transaction(
    long Id,
    DateTimeOffset Date,
    string OwnerId,
    string AccountId,
    TransactionKind Kind,
    int? EnvelopeId,
    string? EnvelopeName,
    int? ToEnvelopeId,
    string? ToEnvelopeName,
    string? Payer,
    string Description,
    decimal Amount,
    decimal AccountBalance,
    ImmutableArray<Split> PaySplits,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ImportId = null)
{
    public const long OpeningId = 0;

    /// <summary>
    /// The member who recorded it (a user id), <see cref="ScheduleActor"/> for an occurrence a schedule applied; null
    /// on transactions recorded before accounts were shared, which their owner recorded.
    /// </summary>
    public string? Actor { get; init; }

    /// <summary>
    /// The actor of every occurrence a schedule applies: the schedule, not a member, since it keeps running after
    /// the member who added it has left, and either a tick or a member's request may be the one to apply it.
    /// </summary>
    public const string ScheduleActor = "schedule";
    public const string OpeningDescription = "Account Opened";
}
