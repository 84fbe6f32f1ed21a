using System.Collections.Immutable;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Events;
using NVelopes.Grains.Schedules;
using NVelopes.Grains.Domain.Households;

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
        [.. account.Envelopes.Select(ToView)],
        [.. account.PaymentSources.Select(ToView)]);

    private static EnvelopeView ToView(this Envelope envelope) => new(envelope.Id, envelope.Name, envelope.Balance);

    private static PaymentSourceView ToView(this PaymentSource source) =>
        new(source.Id, source.Payer, source.Amount, ToViews(source.Splits));

    public static TransactionView ToView(this Transaction transaction) => new(
        transaction.Id,
        transaction.Date,
        transaction.OwnerId,
        transaction.AccountId,
        transaction.Kind.ToString().ToLowerInvariant(),
        transaction.EnvelopeId,
        transaction.EnvelopeName,
        transaction.ToEnvelopeId,
        transaction.ToEnvelopeName,
        transaction.Payer,
        transaction.Description,
        transaction.Amount,
        transaction.AccountBalance,
        ToViews(transaction.PaySplits),
        transaction.ImportId,
        transaction.Actor ?? transaction.OwnerId);

    public static ChangeView ToView(this RecordedEvent recorded)
    {
        var change = new ChangeView(recorded.Version, recorded.At, recorded.Actor, recorded.Event.Kind, recorded.Idempotent);
        return recorded.Event switch
        {
            AccountOpened opened => change with
            {
                Name = opened.Name, CanGoNegative = opened.CanGoNegative, Transaction = opened.Opening.ToView(),
            },
            EnvelopesAdded added => change with { Envelopes = [.. added.Envelopes.Select(ToView)] },
            EnvelopeRenamed renamed => change with
            {
                EnvelopeId = renamed.EnvelopeId, OldName = renamed.OldName, NewName = renamed.NewName,
            },
            PaymentSourceAdded added => change with { PaymentSource = added.PaymentSource.ToView() },
            PaymentSourceUpdated updated => change with
            {
                PaymentSource = updated.PaymentSource.ToView(), PreviousPaymentSource = updated.Previous.ToView(),
            },
            MoneyEvent money => change with { Transaction = money.Transaction.ToView(), Schedule = money.ToScheduleEventView() },
            ScheduleEvent scheduled => change with { Schedule = scheduled.ToScheduleEventView() },
            Undone undone => change with { Transaction = undone.Transaction.ToView() },
            Redone redone => change with { Transaction = redone.Transaction.ToView() },
            MemberInvited invited => change with
            {
                InvitationId = invited.Invitation.Id, Username = invited.Invitation.Username, Role = MemberRoles.NameOf(invited.Invitation.Role),
            },
            InvitationWithdrawn withdrawn => change with { InvitationId = withdrawn.InvitationId, Username = withdrawn.Username },
            InvitationDeclined declined => change with { InvitationId = declined.InvitationId, Username = declined.Username },
            MemberJoined joined => change with
            {
                InvitationId = joined.Member.InvitationId, Username = joined.Username, Member = joined.Member.UserId,
                Role = MemberRoles.NameOf(joined.Member.Role),
            },
            MemberRoleChanged changed => change with
            {
                Member = changed.UserId, Role = MemberRoles.NameOf(changed.NewRole), PreviousRole = MemberRoles.NameOf(changed.OldRole),
            },
            MemberRemoved removed => change with { Member = removed.UserId, Role = MemberRoles.NameOf(removed.Role) },
            _ => change,
        };
    }

    /// <summary>The invitation as the account shows it; <see cref="InvitationView.InvitedBy"/> is the inviter's user id until resolved.</summary>
    public static InvitationView ToView(this Invitation invitation, Account account) => new(
        invitation.Id, account.Id, account.Name, invitation.Username, MemberRoles.NameOf(invitation.Role), invitation.InvitedBy, invitation.At);

    public static ImmutableArray<Split> ToSplits(this ImmutableArray<SplitLine> lines) =>
        [.. lines.Select(l => new Split(l.EnvelopeId, l.Amount))];

    public static NVelopesException ToNVelopesException(this DomainException error) => new(
        error.Kind switch
        {
            DomainErrorKind.NotFound => ErrorKind.NotFound,
            DomainErrorKind.Conflict => ErrorKind.Conflict,
            DomainErrorKind.TooLarge => ErrorKind.TooLarge,
            DomainErrorKind.Forbidden => ErrorKind.Forbidden,
            _ => ErrorKind.Invalid,
        },
        error.Message);

    private static ImmutableArray<SplitView> ToViews(ImmutableArray<Split> splits) =>
        [.. splits.Select(s => new SplitView(s.EnvelopeId, s.Amount))];
}
