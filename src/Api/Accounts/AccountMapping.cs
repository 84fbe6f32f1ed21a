using System.Collections.Immutable;
using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Api.Accounts;

/// <summary>Between the HTTP contract's records and the account grain's messages.</summary>
public static class AccountMapping
{
    public static AccountResponse ToResponse(this AccountView account, TransactionView? transaction = null) => new(
        account.AccountId,
        account.Name,
        account.Balance,
        account.Version,
        account.Envelopes.ToResponses(),
        account.PaymentSources.ToResponses(),
        transaction?.ToResponse());

    public static AccountResponse ToResponse(this AccountUpdate update) => update.Account.ToResponse(update.Transaction);

    public static IReadOnlyList<EnvelopeResponse> ToResponses(this ImmutableArray<EnvelopeView> envelopes) =>
        [.. envelopes.Select(e => new EnvelopeResponse(e.Id, e.Name, e.Balance))];

    public static IReadOnlyList<PaySourceResponse> ToResponses(this ImmutableArray<PaymentSourceView> sources) =>
        [.. sources.Select(ToResponse)];

    private static PaySourceResponse ToResponse(this PaymentSourceView p) => new(p.Id, p.Payer, p.Amount, p.Envelopes.ToResponses());

    public static IReadOnlyList<TransactionResponse> ToResponses(this ImmutableArray<TransactionView> transactions) =>
        [.. transactions.Select(ToResponse)];

    public static TransactionResponse ToResponse(this TransactionView tx) => new(
        tx.Date.UtcDateTime,
        tx.TxId,
        tx.OwnerId,
        tx.AccountId,
        LegacyTransaction.EnvelopeId(tx.EnvelopeId),
        LegacyTransaction.EnvelopeId(tx.ToEnvelopeId),
        LegacyTransaction.Envelope(tx.EnvelopeName, tx.ToEnvelopeName),
        LegacyTransaction.Op(tx.Kind),
        LegacyTransaction.Description(tx.Payer, tx.Description),
        tx.Amount,
        tx.AccountBalance,
        tx.PayEnvelopes.ToResponses(),
        tx.Actor ?? tx.OwnerId);

    public static ChangesResponse ToResponse(this ChangePage page) => new(page.Version, [.. page.Changes.Select(ToResponse)], page.More);

    public static ChangeResponse ToResponse(this ChangeView change) => new(
        change.Version,
        change.At.UtcDateTime,
        change.Actor,
        change.Kind,
        change.Idempotent,
        change.Name,
        change.CanGoNegative,
        change.Envelopes?.ToResponses(),
        change.EnvelopeId,
        change.OldName,
        change.NewName,
        change.PaymentSource?.ToResponse(),
        change.PreviousPaymentSource?.ToResponse(),
        change.Transaction?.ToResponse(),
        change.Schedule is { } scheduled ? Schedules.ScheduleMapping.ToResponse(scheduled) : null,
        change.InvitationId,
        change.Username,
        change.Member,
        change.Role,
        change.PreviousRole);

    public static AccountSummaryResponse ToResponse(this AccountSummaryView summary) =>
        new(summary.AccountId, summary.Name, summary.Balance, summary.Role);

    /// <summary>A request's split; null stays null ("use the stored split" where the command allows it).</summary>
    public static ImmutableArray<SplitLine>? ToSplit(this IReadOnlyList<PaymentRequest>? payments) =>
        payments is null ? null : payments.Select(p => new SplitLine(p.EnvelopeId, p.Amount)).ToImmutableArray();

    private static IReadOnlyList<SplitResponse> ToResponses(this ImmutableArray<SplitView> split) =>
        split.IsDefault ? [] : [.. split.Select(s => new SplitResponse(s.EnvelopeId, s.Amount))];
}
