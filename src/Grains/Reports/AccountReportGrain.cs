using System.Globalization;
using Microsoft.Extensions.Logging;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Reports;
using NVelopes.Grains.Accounts;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Storage;
using Orleans.Concurrency;

namespace NVelopes.Grains.Reports;

/// <summary>
/// Computes an account's reports from the store: the account grain says whether the caller owns the account (and
/// what its envelopes are called now), the store streams the dated part of the history, and the domain's
/// <see cref="SpendingReport"/> folds it. Nothing of the account's history is kept in memory.
/// </summary>
[StatelessWorker]
internal sealed partial class AccountReportGrain(IAccountStore store, ILogger<AccountReportGrain> logger) : Grain, IAccountReportGrain
{
    async Task<SpendingReportView> IAccountReportGrain.ReadSpendingAsync(ReadSpending query, CancellationToken cancellationToken)
    {
        var report = Range(query);
        var accountId = this.GetPrimaryKeyString();
        var account = await GrainFactory.GetGrain<IAccountGrain>(accountId).ViewAsync(new ViewAccount(query.OwnerId), cancellationToken);
        try
        {
            await foreach (var transaction in store.ReadTransactionsDatedAsync(accountId, report.From, report.Until, cancellationToken))
                report.Add(transaction);
        }
        catch (Exception failure) when (failure is not (NVelopesException or OperationCanceledException))
        {
            LogReadFailed(logger, failure, accountId);
            throw NVelopesException.StoreUnavailable();
        }
        var names = account.Envelopes.ToDictionary(e => e.Id, e => e.Name);
        return new SpendingReportView([.. report.Months.Select(month => new SpendingMonthView(
            month.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            [.. month.Envelopes.Select(e => new EnvelopeFlowView(e.EnvelopeId, names.GetValueOrDefault(e.EnvelopeId, ""), e.In, e.Out))]))]);
    }

    private static SpendingReport Range(ReadSpending query)
    {
        try
        {
            var from = SpendingReport.ParseMonth(query.From) ?? throw DomainException.Invalid("from must be a month as YYYY-MM.");
            var to = SpendingReport.ParseMonth(query.To) ?? throw DomainException.Invalid("to must be a month as YYYY-MM.");
            return new SpendingReport(from, to);
        }
        catch (DomainException refused)
        {
            throw refused.ToNVelopesException();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the dated history of account {AccountId} failed")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string accountId);
}
