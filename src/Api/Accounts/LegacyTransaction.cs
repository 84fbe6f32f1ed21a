namespace NVelopes.Api.Accounts;

/// <summary>
/// How the original showed a transaction, rendered from its facts: the op in upper case, -1 for an envelope a kind
/// has not, a move's envelope as "From -> To", a pay's description as "Payer - description".
/// </summary>
public static class LegacyTransaction
{
    public const int NoEnvelope = -1;

    public static string Op(string kind) => kind.ToUpperInvariant();

    public static int EnvelopeId(int? envelopeId) => envelopeId ?? NoEnvelope;

    public static string Envelope(string? envelopeName, string? toEnvelopeName) =>
        toEnvelopeName is null ? envelopeName ?? "" : $"{envelopeName} -> {toEnvelopeName}";

    public static string Description(string? payer, string description) => payer is null ? description : $"{payer} - {description}";
}
