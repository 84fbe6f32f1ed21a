using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NVelopes.Persistence.Sqlite.Reminders;
using NVelopes.Persistence.Sqlite.Storage;
using Orleans;
using Orleans.Hosting;

namespace NVelopes.Persistence.Sqlite.Hosting;

public static class SqliteReminderServiceCollectionExtensions
{
    /// <summary>
    /// Orleans reminders kept in the embedded database, next to the accounts (one silo: the file is not shared).
    /// Needs the database registered by <see cref="SqliteStorageServiceCollectionExtensions.AddSqliteStorage"/>.
    /// </summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder silo)
    {
        silo.AddReminders();
        silo.Services.TryAddSingleton<SqliteDatabase>();
        silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
        return silo;
    }
}
