using System.Collections.Immutable;

namespace NVelopes.Grains.Domain;

/// <summary>
/// One entry of an account's history. Debits and cash withdrawals carry a negative <see cref="Amount"/>, as in the
/// original; a pay records its split so that undo can reverse it exactly.
/// </summary>
public sealed record Transaction(
    long Id,
    DateTimeOffset Date,
    string OwnerId,
    string AccountId,
    int EnvelopeIdSrc,
    int EnvelopeIdDest,
    string EnvelopeName,
    TransactionKind Kind,
    string Description,
    decimal Amount,
    decimal AccountBalance,
    ImmutableArray<Split> PaySplits)
{
    public const int NoEnvelope = -1;
    public const long OpeningId = 0;
    public const string OpeningDescription = "Account Opened";
}
