using System.Collections.Immutable;

namespace NVelopes.Grains.Abstractions.Schedules;

/// <summary>
/// The schedules of one account, served by the account's own grain (same key), so that their occurrences are
/// applied by the account's only writer. Each occurrence is applied exactly once: the account records how far each
/// schedule has run in the same write as the occurrence's transaction.
/// </summary>
[Alias("NVelopes.IAccountSchedulesGrain")]
public interface IAccountSchedulesGrain : IGrainWithStringKey
{
    /// <summary>Adds a schedule and applies, before answering, its occurrences due between its start and now.</summary>
    [Alias("AddSchedule")]
    Task<ScheduleUpdate> AddScheduleAsync(AddSchedule command, CancellationToken cancellationToken = default);

    /// <summary>Replaces a schedule's terms, keeping how far it has run, and applies what is due under the new terms.</summary>
    [Alias("ChangeSchedule")]
    Task<ScheduleUpdate> ChangeScheduleAsync(ChangeSchedule command, CancellationToken cancellationToken = default);

    [Alias("RemoveSchedule")]
    Task<long> RemoveScheduleAsync(RemoveSchedule command, CancellationToken cancellationToken = default);

    [Alias("ListSchedules")]
    Task<ScheduleList> ListSchedulesAsync(ListSchedules query, CancellationToken cancellationToken = default);
}
