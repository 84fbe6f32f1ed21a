using System.Text;
using NVelopes.Grains.Domain.Import;

namespace NVelopes.Domain.Tests.Import;

/// <summary>The statement files under <c>tests/Statements</c>, and statements written on the spot.</summary>
internal static class Statements
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Statements", name));

    public static Statement Read(string name, StatementOptions? options = null) =>
        StatementReader.Read(Bytes(name), name, options ?? StatementOptions.None);

    public static Statement ReadText(string text, string? fileName = "statement.csv", StatementOptions? options = null) =>
        StatementReader.Read(Encoding.UTF8.GetBytes(text), fileName, options ?? StatementOptions.None);

    /// <summary>The 1-based number of the line of <paramref name="name"/> where the <paramref name="occurrence"/>th <paramref name="marker"/> is.</summary>
    public static int LineOf(string name, string marker, int occurrence = 1)
    {
        var lines = Encoding.Latin1.GetString(Bytes(name)).Split('\n');
        var seen = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(marker, StringComparison.Ordinal) && ++seen == occurrence) return i + 1;
        }
        throw new InvalidOperationException($"{name} has no {occurrence}th '{marker}'.");
    }
}
