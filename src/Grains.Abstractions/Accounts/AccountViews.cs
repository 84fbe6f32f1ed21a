using System.Collections.Immutable;

namespace NVelopes.Grains.Abstractions.Accounts;

[GenerateSerializer, Immutable, Alias("NVelopes.EnvelopeView")]
public sealed record EnvelopeView(int Id, string Name, decimal Balance);

[GenerateSerializer, Immutable, Alias("NVelopes.SplitView")]
public sealed record SplitView(int EnvelopeId, decimal Amount);

[GenerateSerializer, Immutable, Alias("NVelopes.PaymentSourceView")]
public sealed record PaymentSourceView(int Id, string Payer, decimal Amount, ImmutableArray<SplitView> Envelopes);

/// <summary>An account as its owner sees it; <see cref="Version"/> is the version of its newest event.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.AccountView")]
public sealed record AccountView(
    string AccountId,
    string Name,
    decimal Balance,
    bool CanGoNegative,
    long Version,
    ImmutableArray<EnvelopeView> Envelopes,
    ImmutableArray<PaymentSourceView> PaymentSources);

/// <summary>
/// One recorded transaction, as facts: <see cref="Kind"/> is <c>deposit</c>, <c>debit</c>, <c>atm</c>, <c>move</c> or
/// <c>pay</c>; the envelopes (by id, with the names they had then) and the payer are there where the kind has them.
/// <see cref="Actor"/> is the member who recorded it (a user id).
/// </summary>
[GenerateSerializer, Immutable, Alias("NVelopes.TransactionView")]
public sealed record TransactionView(
    long TxId,
    DateTimeOffset Date,
    string OwnerId,
    string AccountId,
    string Kind,
    int? EnvelopeId,
    string? EnvelopeName,
    int? ToEnvelopeId,
    string? ToEnvelopeName,
    string? Payer,
    string Description,
    decimal Amount,
    decimal AccountBalance,
    ImmutableArray<SplitView> PayEnvelopes,
    string? ImportId = null,
    string? Actor = null);

/// <summary>What a command left behind: the account after it and the transaction it recorded, undid or redid, if any.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.AccountUpdate")]
public sealed record AccountUpdate(AccountView Account, TransactionView? Transaction, InvitationView? Invitation = null);

/// <summary>A short line of the caller's account list, with the caller's role there.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.AccountSummaryView")]
public sealed record AccountSummaryView(string AccountId, string Name, decimal Balance, string Role = "owner");
