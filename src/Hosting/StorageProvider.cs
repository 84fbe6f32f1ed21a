namespace NVelopes.Hosting;

/// <summary>The stores a silo can keep accounts and users in (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>The embedded, zero-setup default: a SQLite file in <c>Storage:DataDirectory</c>.</summary>
    Sqlite,
    /// <summary>The production store: MongoDB from <c>ConnectionStrings:MongoDB</c>.</summary>
    MongoDB,
}
