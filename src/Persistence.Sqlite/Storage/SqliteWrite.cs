using Microsoft.Data.Sqlite;

namespace NVelopes.Persistence.Sqlite.Storage;

/// <summary>
/// What one queued write gets from the writer: commands in the writer's open transaction. A command for the same
/// SQL is the same prepared statement every time, so SQLite compiles each statement once per connection instead of
/// once per write; its parameters start empty.
/// </summary>
internal sealed class SqliteWrite(SqliteTransaction transaction, SqliteStatements statements)
{
    /// <summary>The prepared command for <paramref name="sql"/>, in this write's transaction, with no parameters.</summary>
    public SqliteCommand Command(string sql) => statements.For(sql, transaction);
}
