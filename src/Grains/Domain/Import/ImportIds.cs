using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NVelopes.Grains.Domain.Import;

/// <summary>
/// The id that tells whether an account already holds a statement line. The bank's own id when the format has one
/// (OFX <c>FITID</c>, unique per account at the bank); otherwise the line's date, amount and description with its
/// occurrence among the lines of the file that share them, so that two identical coffees on one day are two lines,
/// and the same two in the next, overlapping statement are the same two again. The parts are hashed: an id is
/// short and of one length, whatever the description.
/// </summary>
public static class ImportIds
{
    public const string BankIdPrefix = "fitid:";
    public const string ContentPrefix = "line:";

    /// <summary>The ids of <paramref name="lines"/>, in file order.</summary>
    public static string[] Of(IReadOnlyList<StatementLine> lines)
    {
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new string[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!string.IsNullOrWhiteSpace(line.BankId))
            {
                ids[i] = BankIdPrefix + line.BankId.Trim();
                continue;
            }
            var content = string.Join('|',
                line.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                line.Amount.ToString("0.00##########", CultureInfo.InvariantCulture),
                string.Join(' ', line.Description.ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            var occurrence = occurrences[content] = occurrences.GetValueOrDefault(content) + 1;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{content}|{occurrence}"));
            // The booking day leads, so that an import's ids, recorded oldest first, land next to each other in the store's index.
            ids[i] = $"{ContentPrefix}{line.Date:yyyyMMdd}-{Convert.ToHexStringLower(hash.AsSpan(0, 12))}";
        }
        return ids;
    }
}
