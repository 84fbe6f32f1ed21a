using System.Collections.Immutable;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Domain;

namespace NVelopes.Grains.Accounts;

/// <summary>Maps domain objects and errors to what crosses the grain boundary.</summary>
internal static class AccountViewMapping
{
    public static AccountView ToView(this Account account, long version) => new(
        account.Id,
        account.Name,
        account.Balance,
        account.CanGoNegative,
        version,
        [.. account.Envelopes.Select(e => new EnvelopeView(e.Id, e.Name, e.Balance))],
        [.. account.PaymentSources.Select(p => new PaymentSourceView(p.Id, p.Payer, p.Amount, ToViews(p.Splits)))]);

    public static TransactionView ToView(this Transaction transaction) => new(
        transaction.Id,
        transaction.Date,
        transaction.OwnerId,
        transaction.AccountId,
        transaction.EnvelopeIdSrc,
        transaction.EnvelopeIdDest,
        transaction.EnvelopeName,
        transaction.Kind.ToString().ToUpperInvariant(),
        transaction.Description,
        transaction.Amount,
        transaction.AccountBalance,
        ToViews(transaction.PaySplits));

    public static ImmutableArray<Split> ToSplits(this ImmutableArray<SplitLine> lines) =>
        [.. lines.Select(l => new Split(l.EnvelopeId, l.Amount))];

    public static NVelopesException ToNVelopesException(this DomainException error) => new(
        error.Kind switch
        {
            DomainErrorKind.NotFound => ErrorKind.NotFound,
            DomainErrorKind.Conflict => ErrorKind.Conflict,
            _ => ErrorKind.Invalid,
        },
        error.Message);

    private static ImmutableArray<SplitView> ToViews(ImmutableArray<Split> splits) =>
        [.. splits.Select(s => new SplitView(s.EnvelopeId, s.Amount))];
}
