using NVelopes.Api.Accounts;
using NVelopes.Grains.Domain;

namespace NVelopes.Bench.Baseline;

/// <summary>The baseline answers in the compatibility contract's shapes, as the real gateway does.</summary>
internal static class BaselineResponses
{
    public static AccountResponse ToResponse(this Account account, Transaction? recorded = null) => new(
        account.Id,
        account.Name,
        account.Balance,
        account.Version,
        [.. account.Envelopes.Select(e => new EnvelopeResponse(e.Id, e.Name, e.Balance))],
        [.. account.PaymentSources.Select(p => new PaySourceResponse(p.Id, p.Payer, p.Amount, ToResponses(p.Splits)))],
        recorded?.ToResponse());

    private static TransactionResponse ToResponse(this Transaction transaction) => new(
        transaction.Date.UtcDateTime,
        transaction.Id,
        transaction.OwnerId,
        transaction.AccountId,
        LegacyTransaction.EnvelopeId(transaction.EnvelopeId),
        LegacyTransaction.EnvelopeId(transaction.ToEnvelopeId),
        LegacyTransaction.Envelope(transaction.EnvelopeName, transaction.ToEnvelopeName),
        LegacyTransaction.Op(transaction.Kind.ToString()),
        LegacyTransaction.Description(transaction.Payer, transaction.Description),
        transaction.Amount,
        transaction.AccountBalance,
        ToResponses(transaction.PaySplits),
        transaction.Actor ?? transaction.OwnerId);

    private static IReadOnlyList<SplitResponse> ToResponses(IEnumerable<Split> splits) =>
        [.. splits.Select(s => new SplitResponse(s.EnvelopeId, s.Amount))];
}
