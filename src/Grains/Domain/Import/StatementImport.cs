using NVelopes.Grains.Domain.Events;

namespace NVelopes.Grains.Domain.Import;

/// <summary>
/// The rules of importing a statement into one envelope of an account. Every line is a deposit (a positive amount)
/// or a debit (a negative one) under the account's usual rules, dated its booking date, applied oldest first (a
/// statement often lists the newest first) so that a debit is checked against what the envelope holds by then. A
/// line whose import id the account already holds, or that an earlier line of the file has, is a duplicate and
/// skipped; a line the rules refuse (no amount, fractions of a cent, more than the envelope holds on an account that
/// may not go negative) is refused with the rule's reason, and the lines after it are checked without it.
/// </summary>
public static class StatementImport
{
    /// <param name="held">Which of the statement's import ids the account already holds.</param>
    public static ImportPlan Plan(Account account, int envelopeId, Statement statement, IReadOnlySet<string> held)
    {
        account.EnvelopeById(envelopeId);
        var ids = ImportIds.Of(statement.Lines);
        var order = Enumerable.Range(0, statement.Lines.Count)
            .OrderBy(i => statement.Lines[i].Date).ThenBy(i => statement.Lines[i].Line).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var recorded = new List<ImportedLine>();
        var duplicates = new List<ImportedLine>();
        var refused = new List<RefusedLine>(statement.Unreadable);
        var changes = new List<AccountChange>();
        foreach (var index in order)
        {
            var line = statement.Lines[index];
            var imported = new ImportedLine(line.Line, line.Date, line.Amount, DescriptionOf(line), ids[index]);
            if (held.Contains(imported.ImportId) || !seen.Add(imported.ImportId))
            {
                duplicates.Add(imported);
                continue;
            }
            try
            {
                var change = Record(account, envelopeId, imported);
                changes.Add(change);
                recorded.Add(imported);
                account = change.After;
            }
            catch (DomainException rule)
            {
                refused.Add(new RefusedLine(line.Line, rule.Message));
            }
        }
        refused.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new ImportPlan(statement.Format, recorded, duplicates, refused, changes, account);
    }

    private static AccountChange Record(Account account, int envelopeId, ImportedLine line)
    {
        var bookedOn = new DateTimeOffset(line.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var change = line.Amount < 0
            ? account.Debit(envelopeId, line.Description, -line.Amount, bookedOn)
            : account.Deposit(envelopeId, line.Description, line.Amount, bookedOn);
        var transaction = ((MoneyEvent)change.Event).Transaction with { ImportId = line.ImportId };
        return new AccountChange(change.After, MoneyEvent.Of(transaction));
    }

    /// <summary>
    /// The description as the account keeps it: a bank's text longer than a description may be is shortened, not
    /// refused, because the user cannot change what the bank wrote (the import id keeps the whole text).
    /// </summary>
    private static string DescriptionOf(StatementLine line)
    {
        var text = line.Description.Trim();
        return text.Length <= Text.MaximumDescriptionLength ? text : text[..(Text.MaximumDescriptionLength - 1)].TrimEnd() + "…";
    }
}
