using System.Collections.Immutable;
using MongoDB.Bson;
using NVelopes.Api.Accounts;
using NVelopes.Grains.Domain;

namespace NVelopes.Bench.Baseline;

/// <summary>The original's document shapes (snake_case fields, money as Decimal128), to and from the domain.</summary>
internal static class BsonMapping
{
    public static BsonDocument ToDocument(this BaselineUser user) => new()
    {
        { "_id", user.Id },
        { "username", user.Username },
        { "disabled", user.Disabled },
    };

    public static BaselineUser ToUser(this BsonDocument document) =>
        new(document["_id"].AsString, document["username"].AsString, document["disabled"].AsBoolean);

    public static BsonDocument ToDocument(this Account account) => new()
    {
        { "_id", account.Id },
        { "owner_id", account.OwnerId },
        { "name", account.Name },
        { "can_go_negative", account.CanGoNegative },
        { "balance", new BsonDecimal128(account.Balance) },
        { "next_tx_id", account.NextTransactionId },
        { "closed", account.IsClosed },
        { "envelopes", new BsonArray(account.Envelopes.Select(ToDocument)) },
        {
            "payment_sources", new BsonArray(account.PaymentSources.Select(p => new BsonDocument
            {
                { "id", p.Id },
                { "payer", p.Payer },
                { "amount", new BsonDecimal128(p.Amount) },
                { "envelopes", new BsonArray(p.Splits.Select(ToDocument)) },
            }))
        },
    };

    public static BsonDocument ToDocument(this Envelope envelope) => new()
    {
        { "id", envelope.Id },
        { "name", envelope.Name },
        { "balance", new BsonDecimal128(envelope.Balance) },
    };

    public static BsonDocument ToDocument(this Transaction transaction) => new()
    {
        { "account_id", transaction.AccountId },
        { "owner_id", transaction.OwnerId },
        { "tx_id", transaction.Id },
        { "date", transaction.Date.UtcDateTime },
        // The original stored its display form.
        { "envelope_id_src", LegacyTransaction.EnvelopeId(transaction.EnvelopeId) },
        { "envelope_id_dest", LegacyTransaction.EnvelopeId(transaction.ToEnvelopeId) },
        { "envelope", LegacyTransaction.Envelope(transaction.EnvelopeName, transaction.ToEnvelopeName) },
        { "op", LegacyTransaction.Op(transaction.Kind.ToString()) },
        { "description", LegacyTransaction.Description(transaction.Payer, transaction.Description) },
        { "amount", new BsonDecimal128(transaction.Amount) },
        { "account_balance", new BsonDecimal128(transaction.AccountBalance) },
        { "pay_envelopes", new BsonArray(transaction.PaySplits.Select(ToDocument)) },
    };

    public static Account ToAccount(this BsonDocument document) => new()
    {
        Id = document["_id"].AsString,
        OwnerId = document["owner_id"].AsString,
        Name = document["name"].AsString,
        CanGoNegative = document["can_go_negative"].AsBoolean,
        Balance = document["balance"].AsDecimal,
        NextTransactionId = document["next_tx_id"].ToInt64(),
        IsClosed = document["closed"].AsBoolean,
        Envelopes = [.. document["envelopes"].AsBsonArray.Select(e => new Envelope(
            e["id"].ToInt32(), e["name"].AsString, e["balance"].AsDecimal))],
        PaymentSources = [.. document["payment_sources"].AsBsonArray.Select(p => new PaymentSource(
            p["id"].ToInt32(), p["payer"].AsString, p["amount"].AsDecimal, ToSplits(p["envelopes"].AsBsonArray)))],
    };

    private static BsonDocument ToDocument(Split split) => new()
    {
        { "envelope_id", split.EnvelopeId },
        { "amount", new BsonDecimal128(split.Amount) },
    };

    private static ImmutableArray<Split> ToSplits(BsonArray splits) =>
        [.. splits.Select(s => new Split(s["envelope_id"].ToInt32(), s["amount"].AsDecimal))];
}
