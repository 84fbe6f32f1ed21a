using System.Text.Json;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Imports;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Households;
using NVelopes.Grains.Domain.Import;
using NVelopes.Grains.Storage;

namespace NVelopes.Grains.Accounts;

public sealed partial class AccountWriter
{
    // The import ids of recorded statement lines whose write is not durable yet (staged or in flight), which the
    // store cannot answer for. The store keeps the ids of every line an account ever recorded, and an import asks it
    // for the ids of its own file only, under the apply gate: exact (no filter that may be wrong, no window of
    // recent ids that an old statement falls out of) and bounded (the grain holds one file's ids, never the
    // account's), and no other import of the account can slip in between the question and the write.
    private HashSet<string>? _undurableImportIds;

    /// <summary>
    /// Imports <paramref name="statement"/> into envelope <paramref name="envelopeId"/> under the apply gate: finds
    /// which of its lines the account holds, plans the rest (<see cref="StatementImport"/>), and, unless
    /// <paramref name="dryRun"/>, writes every new line in one commit, answered once durable. A real import with a
    /// refused line writes nothing and is refused with that line; one with no new line writes nothing either. A real
    /// import with an idempotency key remembers its answer (<paramref name="reportOf"/> the plan and the account
    /// after it) in the same commit, and a retry with that key gets that answer, not a second import's.
    /// </summary>
    public async Task<ImportReport> ImportAsync(
        string actor, CommandOptions? options, int envelopeId, Statement statement, bool dryRun,
        Func<ImportPlan, Account, ImportReport> reportOf, CancellationToken cancellationToken)
    {
        ImportReport report;
        PendingWrite? write = null;
        await _applyGate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(cancellationToken);
            RequireMember(_working, actor, MemberRole.Editor);
            var account = Open(_working);
            var replyKey = !dryRun && options?.IdempotencyKey is { } key ? $"{actor}/{key}" : null;
            var fingerprint = options?.RequestFingerprint ?? "";
            if (replyKey is not null
                && await FromStoreAsync(() => store.FindReplyAsync(accountId, replyKey, clock.GetUtcNow(), cancellationToken)) is { } remembered)
            {
                RequireSameRequest(remembered.Fingerprint, fingerprint);
                return JsonSerializer.Deserialize<ImportReport>(remembered.Reply)!;
            }
            RequireVersion(options?.IfMatchVersion);
            var ids = ImportIds.Of(statement.Lines).Distinct(StringComparer.Ordinal).ToList();
            var held = new HashSet<string>(await FromStoreAsync(() => store.FindImportIdsAsync(accountId, ids, cancellationToken)), StringComparer.Ordinal);
            lock (_state)
            {
                if (_undurableImportIds is not null) held.UnionWith(_undurableImportIds);
            }
            cancellationToken.ThrowIfCancellationRequested();
            ImportPlan plan;
            try
            {
                plan = StatementImport.Plan(account, envelopeId, statement, held);
                if (!dryRun) plan.RequireNothingRefused();
            }
            catch (DomainException refused)
            {
                throw refused.ToNVelopesException();
            }
            report = reportOf(plan, dryRun ? account : plan.After);
            if (!dryRun && plan.Changes.Count > 0)
            {
                var reply = replyKey is null ? null
                    : new RememberedReply(replyKey, fingerprint, JsonSerializer.Serialize(report), clock.GetUtcNow() + ReplyRetention);
                write = Stage(plan.Changes, actor, reply);
            }
        }
        finally
        {
            _applyGate.Release();
        }
        if (write is not null) await write.Durable;
        return report;
    }
}
