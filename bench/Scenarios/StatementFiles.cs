using System.Globalization;
using System.Text;

namespace NVelopes.Bench.Scenarios;

/// <summary>
/// The statements the import scenario sends: one account's year of card payments, direct debits and pay days, as a
/// CSV export (header, day-first dates, quoted descriptions) and as an OFX 1.x (SGML) download with a FITID per
/// line. Every line differs from the others, and the running balance never goes below the opening.
/// </summary>
internal static class StatementFiles
{
    public static readonly DateOnly FirstDay = new(2024, 1, 1);

    /// <summary>Line <paramref name="index"/>: its day, signed amount and description.</summary>
    public static (DateOnly Date, decimal Amount, string Description) Line(int index, int count)
    {
        var date = FirstDay.AddDays(index * 365 / Math.Max(count, 1));
        var amount = index % 10 == 0 ? 250.00m + index % 97 : -(1.00m + index % 4_000 / 100m);
        return (date, amount, $"CARD PAYMENT {index:D6} SHOP {index % 113}");
    }

    public static byte[] Csv(int count)
    {
        var text = new StringBuilder("Date,Description,Amount,Balance\r\n");
        for (var i = 0; i < count; i++)
        {
            var (date, amount, description) = Line(i, count);
            text.Append(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(",\"").Append(description).Append("\",")
                .Append(amount.ToString("0.00", CultureInfo.InvariantCulture)).Append(",\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Ofx(int count)
    {
        var text = new StringBuilder("OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\nCHARSET:1252\r\n" +
            "COMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n<OFX>\r\n<BANKMSGSRSV1>\r\n<STMTTRNRS>\r\n<TRNUID>1\r\n<STMTRS>\r\n" +
            "<CURDEF>EUR\r\n<BANKACCTFROM>\r\n<BANKID>30004\r\n<ACCTID>000123\r\n<ACCTTYPE>CHECKING\r\n</BANKACCTFROM>\r\n<BANKTRANLIST>\r\n");
        for (var i = 0; i < count; i++)
        {
            var (date, amount, description) = Line(i, count);
            text.Append("<STMTTRN>\r\n<TRNTYPE>").Append(amount < 0 ? "DEBIT" : "CREDIT")
                .Append("\r\n<DTPOSTED>").Append(date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).Append("120000.000[0:GMT]")
                .Append("\r\n<TRNAMT>").Append(amount.ToString("0.00", CultureInfo.InvariantCulture))
                .Append("\r\n<FITID>").Append(CultureInfo.InvariantCulture, $"2024{i:D8}")
                .Append("\r\n<NAME>").Append(description)
                .Append("\r\n</STMTTRN>\r\n");
        }
        text.Append("</BANKTRANLIST>\r\n</STMTRS>\r\n</STMTTRNRS>\r\n</BANKMSGSRSV1>\r\n</OFX>\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
