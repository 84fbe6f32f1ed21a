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

/// <summary>The prepared statements of the writer's connection, kept as long as the connection.</summary>
internal sealed class SqliteStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteCommand For(string sql, SqliteTransaction transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }
}
