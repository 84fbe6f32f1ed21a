using System.Collections.Immutable;
using System.Globalization;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Schedules;
using NVelopes.Grains.Domain.Households;
using NVelopes.Grains.Storage;

namespace NVelopes.Persistence.MongoDB.Storage;

/// <summary>Maps the domain types to their stored documents and back; the domain itself knows nothing of BSON.</summary>
internal static class DocumentMapping
{
    private const string IsoDate = "yyyy-MM-dd";

    public static AccountDocument ToDocument(this Account account, long version) => new()
    {
        Id = account.Id,
        OwnerId = account.OwnerId,
        Version = version,
        Closed = account.IsClosed,
        Name = account.Name,
        CanGoNegative = account.CanGoNegative,
        Balance = account.Balance,
        NextTransactionId = account.NextTransactionId,
        RedoableUndos = [.. account.RedoableUndos],
        Envelopes = [.. account.Envelopes.Select(e => new EnvelopeDocument { Id = e.Id, Name = e.Name, Balance = e.Balance })],
        PaymentSources = [.. account.PaymentSources.Select(p => new PaymentSourceDocument
        {
            Id = p.Id, Payer = p.Payer, Amount = p.Amount, Splits = [.. p.Splits.Select(ToDocument)],
        })],
        Schedules = [.. account.Schedules.Select(ToDocument)],
        LastScheduleId = account.LastScheduleId,
        Members = [.. account.Members.Select(m => new MemberDocument
        {
            UserId = m.UserId, Role = MemberRoles.NameOf(m.Role), InvitationId = m.InvitationId,
        })],
        Invitations = [.. account.Invitations.Select(i => new InvitationDocument
        {
            Id = i.Id, Username = i.Username, Role = MemberRoles.NameOf(i.Role), InvitedBy = i.InvitedBy, At = i.At.UtcDateTime,
        })],
    };

    public static StoredAccount ToStoredAccount(this AccountDocument document) => new(
        new Account
        {
            Id = document.Id,
            OwnerId = document.OwnerId,
            Name = document.Name,
            CanGoNegative = document.CanGoNegative,
            Balance = document.Balance,
            Envelopes = [.. document.Envelopes.Select(e => new Envelope(e.Id, e.Name, e.Balance))],
            PaymentSources = [.. document.PaymentSources.Select(p => new PaymentSource(p.Id, p.Payer, p.Amount, ToSplits(p.Splits)))],
            NextTransactionId = document.NextTransactionId,
            IsClosed = document.Closed,
            Version = document.Version,
            RedoableUndos = [.. document.RedoableUndos],
            Schedules = [.. document.Schedules.Select(ToSchedule)],
            LastScheduleId = document.LastScheduleId,
            Members = [.. document.Members.Select(m => new Member(m.UserId, MemberRoles.Parse(m.Role), m.InvitationId))],
            Invitations = [.. document.Invitations.Select(i => new Invitation(
                i.Id, i.Username, MemberRoles.Parse(i.Role), i.InvitedBy, new DateTimeOffset(DateTime.SpecifyKind(i.At, DateTimeKind.Utc))))],
        },
        document.Version);

    /// <summary>The line of the opener's list; the document must hold its owner and members (an empty list: the opener alone).</summary>
    public static AccountSummary ToSummary(this AccountDocument document) => new(document.Id, document.Name, document.Balance,
        document.Members.Count == 0
            ? MemberRole.Owner
            : document.Members.Find(m => m.UserId == document.OwnerId) is { } opener ? MemberRoles.Parse(opener.Role) : null);

    public static TransactionDocument ToDocument(this Transaction transaction) => new()
    {
        Id = TransactionDocument.KeyOf(transaction.AccountId, transaction.Id),
        AccountId = transaction.AccountId,
        TransactionId = transaction.Id,
        Date = transaction.Date.UtcDateTime,
        OwnerId = transaction.OwnerId,
        Kind = transaction.Kind,
        EnvelopeId = transaction.EnvelopeId,
        EnvelopeName = transaction.EnvelopeName,
        ToEnvelopeId = transaction.ToEnvelopeId,
        ToEnvelopeName = transaction.ToEnvelopeName,
        Payer = transaction.Payer,
        Description = transaction.Description,
        Amount = transaction.Amount,
        AccountBalance = transaction.AccountBalance,
        PaySplits = [.. transaction.PaySplits.Select(ToDocument)],
        ImportId = transaction.ImportId,
        Actor = transaction.Actor,
    };

    public static Transaction ToTransaction(this TransactionDocument document) => new(
        document.TransactionId,
        new DateTimeOffset(DateTime.SpecifyKind(document.Date, DateTimeKind.Utc)),
        document.OwnerId,
        document.AccountId,
        document.Kind,
        document.EnvelopeId,
        document.EnvelopeName,
        document.ToEnvelopeId,
        document.ToEnvelopeName,
        document.Payer,
        document.Description,
        document.Amount,
        document.AccountBalance,
        ToSplits(document.PaySplits),
        document.ImportId) { Actor = document.Actor };

    private static ScheduleDocument ToDocument(Schedule schedule) => new()
    {
        Id = schedule.Id,
        Kind = schedule.Kind,
        Rule = schedule.Rule,
        Starts = schedule.Starts.ToString(IsoDate, CultureInfo.InvariantCulture),
        TimeZone = schedule.TimeZone,
        Weekend = schedule.Weekend,
        Description = schedule.Description,
        PaymentSourceId = schedule.PaymentSourceId,
        EnvelopeId = schedule.EnvelopeId,
        Amount = schedule.Amount,
        Fills = [.. schedule.Fills.Select(ToDocument)],
        HandledThrough = schedule.HandledThrough?.ToString(IsoDate, CultureInfo.InvariantCulture),
    };

    private static Schedule ToSchedule(ScheduleDocument document) => new(
        document.Id,
        document.Kind,
        document.Rule,
        DateOnly.ParseExact(document.Starts, IsoDate, CultureInfo.InvariantCulture),
        document.TimeZone,
        document.Weekend,
        document.Description,
        document.PaymentSourceId,
        document.EnvelopeId,
        document.Amount,
        ToSplits(document.Fills),
        document.HandledThrough is { } handled ? DateOnly.ParseExact(handled, IsoDate, CultureInfo.InvariantCulture) : null);

    private static SplitDocument ToDocument(Split split) => new() { EnvelopeId = split.EnvelopeId, Amount = split.Amount };

    private static ImmutableArray<Split> ToSplits(List<SplitDocument> splits) => [.. splits.Select(s => new Split(s.EnvelopeId, s.Amount))];
}
