using System.Collections.Immutable;

namespace NVelopes.Grains.Abstractions.Accounts;

/// <summary>The stable snake_case names of an account's events, as <c>kind</c> on the wire and in the stores.</summary>
public static class ChangeKinds
{
    public const string AccountOpened = "account_opened";
    public const string EnvelopesAdded = "envelopes_added";
    public const string EnvelopeRenamed = "envelope_renamed";
    public const string PaymentSourceAdded = "payment_source_added";
    public const string PaymentSourceUpdated = "payment_source_updated";
    public const string Deposited = "deposited";
    public const string Debited = "debited";
    public const string CashWithdrawn = "cash_withdrawn";
    public const string MoneyMoved = "money_moved";
    public const string Paid = "paid";
    public const string Undone = "undone";
    public const string Redone = "redone";
    public const string AccountClosed = "account_closed";
    public const string ScheduleAdded = "schedule_added";
    public const string ScheduleChanged = "schedule_changed";
    public const string ScheduleRemoved = "schedule_removed";
    public const string ScheduledApplied = "scheduled_applied";
    public const string ScheduledFailed = "scheduled_failed";
    public const string MemberInvited = "member_invited";
    public const string InvitationWithdrawn = "invitation_withdrawn";
    public const string InvitationDeclined = "invitation_declined";
    public const string MemberJoined = "member_joined";
    public const string MemberRoleChanged = "member_role_changed";
    public const string MemberRemoved = "member_removed";

    public static readonly ImmutableArray<string> All =
    [
        AccountOpened, EnvelopesAdded, EnvelopeRenamed, PaymentSourceAdded, PaymentSourceUpdated, Deposited, Debited,
        CashWithdrawn, MoneyMoved, Paid, Undone, Redone, AccountClosed,
        ScheduleAdded, ScheduleChanged, ScheduleRemoved, ScheduledApplied, ScheduledFailed,
        MemberInvited, InvitationWithdrawn, InvitationDeclined, MemberJoined, MemberRoleChanged, MemberRemoved,
    ];
}
