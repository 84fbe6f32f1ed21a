using NVelopes.Web.Contracts;
using NVelopes.Web.Services;

namespace NVelopes.Web.Components;

/// <summary>How the app names a transaction to a person: "Deposit 50.00 to Shopping (groceries)".</summary>
public static class TransactionText
{
    public static string KindOf(TransactionItem transaction) => transaction.Op switch
    {
        "DEPOSIT" => "Deposit",
        "DEBIT" => "Debit",
        "ATM" => "Cash",
        "MOVE" => "Move",
        "PAY" => "Pay",
        var other => other,
    };

    public static string Describe(TransactionItem transaction)
    {
        var amount = MoneyText.Format(Math.Abs(transaction.Amount));
        if (transaction.TxId == 0) return $"{transaction.Description}: {amount} in {transaction.Envelope}"; // the opening
        var where = transaction.Op switch
        {
            "DEPOSIT" or "PAY" when transaction.Envelope.Length > 0 => $" to {transaction.Envelope}",
            "MOVE" => $" {transaction.Envelope.Replace(" -> ", " to ", StringComparison.Ordinal)}",
            _ when transaction.Envelope.Length > 0 => $" from {transaction.Envelope}",
            _ => "",
        };
        var description = transaction.Description.Length > 0 ? $" ({transaction.Description})" : "";
        return $"{KindOf(transaction)} {amount}{where}{description}";
    }
}
