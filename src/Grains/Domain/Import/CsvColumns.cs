namespace NVelopes.Grains.Domain.Import;

/// <summary>
/// Which columns of a CSV statement hold what (0-based): the date, and either one signed amount or an in and an
/// out column, and the description when there is one.
/// </summary>
internal sealed record CsvColumns(int Date, int? Amount, int? In, int? Out, int? Description)
{
    /// <summary>The header names banks use, most specific first; a header is matched whole before by part.</summary>
    public static readonly string[] DateNames =
    [
        "date", "transaction date", "booking date", "posting date", "posted date", "trans date", "trans. date", "buchungstag",
        "buchungsdatum", "datum", "date operation", "date opération", "fecha", "data", "completed date", "started date", "value date",
        "valuta", "wertstellung",
    ];

    public static readonly string[] AmountNames =
    [
        "amount", "transaction amount", "betrag", "montant", "importe", "importo", "bedrag", "sum", "value",
    ];

    public static readonly string[] InNames =
    [
        "credit", "credit amount", "paid in", "money in", "deposit", "deposits", "in", "haben", "crédit", "credits", "receipts",
    ];

    public static readonly string[] OutNames =
    [
        "debit", "debit amount", "paid out", "money out", "withdrawal", "withdrawals", "out", "soll", "débit", "debits", "payments",
    ];

    public static readonly string[] DescriptionNames =
    [
        "description", "transaction description", "details", "transaction details", "narrative", "payee", "name", "merchant",
        "counterparty", "beneficiary", "memo", "reference", "verwendungszweck", "buchungstext", "beschreibung", "libellé", "libelle",
        "concepto", "text", "particulars",
    ];
}
