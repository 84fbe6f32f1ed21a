namespace NVelopes.Grains.Abstractions.Reports;

/// <summary>
/// Reports over one account's stored history, keyed by the account id. A stateless worker: a report reads the
/// store, not the account grain's memory, so the account keeps taking commands while a report is computed.
/// </summary>
[Alias("NVelopes.IAccountReportGrain")]
public interface IAccountReportGrain : IGrainWithStringKey
{
    [Alias("ReadSpending")]
    Task<SpendingReportView> ReadSpendingAsync(ReadSpending query, CancellationToken cancellationToken = default);
}
