using System.Collections.Immutable;

namespace NVelopes.Grains.Abstractions.Accounts;

// Every command names the calling user: the grain answers NotFound to anyone but the owner.

[GenerateSerializer, Immutable, Alias("NVelopes.OpenAccount")]
public sealed record OpenAccount(string OwnerId, string Name, decimal OpeningBalance, bool CanGoNegative);

[GenerateSerializer, Immutable, Alias("NVelopes.AddEnvelopes")]
public sealed record AddEnvelopes(string OwnerId, ImmutableArray<string> Names);

[GenerateSerializer, Immutable, Alias("NVelopes.RenameEnvelope")]
public sealed record RenameEnvelope(string OwnerId, int EnvelopeId, string NewName);

[GenerateSerializer, Immutable, Alias("NVelopes.SplitLine")]
public sealed record SplitLine(int EnvelopeId, decimal Amount);

[GenerateSerializer, Immutable, Alias("NVelopes.AddPaymentSource")]
public sealed record AddPaymentSource(string OwnerId, string Payer, decimal Amount, ImmutableArray<SplitLine> Split);

[GenerateSerializer, Immutable, Alias("NVelopes.UpdatePaymentSource")]
public sealed record UpdatePaymentSource(
    string OwnerId, int PaymentSourceId, string Payer, decimal Amount, ImmutableArray<SplitLine> Split);

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
    string OwnerId, MovementKind Kind, int EnvelopeId, string Description, decimal Amount);

[GenerateSerializer, Immutable, Alias("NVelopes.MoveMoney")]
public sealed record MoveMoney(
    string OwnerId, int FromEnvelopeId, int ToEnvelopeId, string Description, decimal Amount);

/// <summary>A pay day; <see cref="Split"/> null means "use the payment source's stored split".</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.Pay")]
public sealed record Pay(
    string OwnerId, int PaymentSourceId, string? Payer, decimal Amount, string Description, ImmutableArray<SplitLine>? Split);

[GenerateSerializer, Immutable, Alias("NVelopes.UndoLast")]
public sealed record UndoLast(string OwnerId);

[GenerateSerializer, Immutable, Alias("NVelopes.CloseAccount")]
public sealed record CloseAccount(string OwnerId);

[GenerateSerializer, Immutable, Alias("NVelopes.ViewAccount")]
public sealed record ViewAccount(string OwnerId);

/// <summary>Page <see cref="Page"/> (from 0) of <see cref="Size"/> transactions, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("NVelopes.ReadHistory")]
public sealed record ReadHistory(string OwnerId, int Page, int Size);
