using System.Collections.Immutable;

namespace NVelopes.Grains.Abstractions.Accounts;

// Every command names the calling user: the grain answers NotFound to anyone but the owner. Mutations carry
// optional CommandOptions last, so devices can retry safely and refuse to act on a stale view.

/// <summary>
/// How a mutation may be retried or guarded. <see cref="IdempotencyKey"/> (scoped to the user and the account) with the
/// <see cref="RequestFingerprint"/> of the request makes a retry return the first answer instead of applying the
/// command again; <see cref="IfMatchVersion"/> refuses the command when the account has moved past that version.
/// </summary>
[GenerateSerializer, Immutable, Alias("NVelopes.CommandOptions")]
public sealed record CommandOptions(long? IfMatchVersion = null, string? IdempotencyKey = null, string? RequestFingerprint = null);

[GenerateSerializer, Immutable, Alias("NVelopes.OpenAccount")]
public sealed record OpenAccount(string OwnerId, string Name, decimal OpeningBalance, bool CanGoNegative, CommandOptions? Options = null);

[GenerateSerializer, Immutable, Alias("NVelopes.AddEnvelopes")]
public sealed record AddEnvelopes(string OwnerId, ImmutableArray<string> Names, CommandOptions? Options = null);

[GenerateSerializer, Immutable, Alias("NVelopes.RenameEnvelope")]
public sealed record RenameEnvelope(string OwnerId, int EnvelopeId, string NewName, CommandOptions? Options = null);

[GenerateSerializer, Immutable, Alias("NVelopes.SplitLine")]
public sealed record SplitLine(int EnvelopeId, decimal Amount);

[GenerateSerializer, Immutable, Alias("NVelopes.AddPaymentSource")]
public sealed record AddPaymentSource(string OwnerId, string Payer, decimal Amount, ImmutableArray<SplitLine> Split, CommandOptions? Options = null);

[GenerateSerializer, Immutable, Alias("NVelopes.UpdatePaymentSource")]
public sealed record UpdatePaymentSource(
    string OwnerId, int PaymentSourceId, string Payer, decimal Amount, ImmutableArray<SplitLine> Split, CommandOptions? Options = null);

/// <summary>Which single-envelope money movement a <see cref="RecordMovement"/> is.</summary>
[GenerateSerializer, Alias("NVelopes.MovementKind")]
public enum MovementKind
{
    Deposit = 0,
    Debit = 1,
    Atm = 2,
}

/// <summary>Deposit into, debit from or withdraw cash from one envelope.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.RecordMovement")]
public sealed record RecordMovement(
    string OwnerId, MovementKind Kind, int EnvelopeId, string Description, decimal Amount, CommandOptions? Options = null);

[GenerateSerializer, Immutable, Alias("NVelopes.MoveMoney")]
public sealed record MoveMoney(
    string OwnerId, int FromEnvelopeId, int ToEnvelopeId, string Description, decimal Amount, CommandOptions? Options = null);

/// <summary>A pay day; <see cref="Split"/> null means "use the payment source's stored split".</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.Pay")]
public sealed record Pay(
    string OwnerId, int PaymentSourceId, string? Payer, decimal Amount, string Description, ImmutableArray<SplitLine>? Split, CommandOptions? Options = null);

[GenerateSerializer, Immutable, Alias("NVelopes.UndoLast")]
public sealed record UndoLast(string OwnerId, CommandOptions? Options = null);

[GenerateSerializer, Immutable, Alias("NVelopes.CloseAccount")]
public sealed record CloseAccount(string OwnerId, CommandOptions? Options = null);

[GenerateSerializer, Immutable, Alias("NVelopes.ViewAccount")]
public sealed record ViewAccount(string OwnerId);

/// <summary>Page <see cref="Page"/> (from 0) of <see cref="Size"/> transactions, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.ReadHistory")]
public sealed record ReadHistory(string OwnerId, int Page, int Size);
