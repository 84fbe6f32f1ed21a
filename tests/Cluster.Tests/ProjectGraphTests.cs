using System.Xml.Linq;

namespace NVelopes.Cluster.Tests;

/// <summary>
/// The architecture as the project files draw it: the two hosts (the gateway and the silo) share the Hosting library
/// and never reference each other, the gateway reaches the stores only through Hosting, and the grains know nothing of
/// the stores that keep them. Read from the repository's project files, so a new reference that breaks it fails here.
/// </summary>
public sealed class ProjectGraphTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    /// <summary>Each project under <c>src/</c> by name, with the names of the projects it references directly.</summary>
    private static readonly Dictionary<string, string[]> SourceProjects = Directory
        .GetFiles(Path.Combine(RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories)
        .ToDictionary(file => Path.GetFileNameWithoutExtension(file), ReferencesOf);

    [Fact]
    public void EachProject_ReferencesOnlyTheLayersBelowIt()
    {
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["Grains.Abstractions"] = [],
                ["Grains"] = ["Grains.Abstractions"],
                ["Persistence.Sqlite"] = ["Grains"],
                ["Persistence.MongoDB"] = ["Grains"],
                ["Hosting"] = ["Grains", "Persistence.MongoDB", "Persistence.Sqlite"],
                ["Silo"] = ["Hosting"],
                ["Api"] = ["Grains.Abstractions", "Hosting", "Web"],
                ["Web"] = [],
                ["Client"] = [],
            }.OrderBy(p => p.Key),
            SourceProjects.OrderBy(p => p.Key));
    }

    [Fact]
    public void NoProjectOfTheProduct_ReferencesAHostExecutable()
    {
        string[] hosts = ["Api", "Silo"];
        foreach (var (project, references) in SourceProjects)
            Assert.True(!references.Intersect(hosts).Any(), $"{project} references a host executable: {string.Join(", ", references.Intersect(hosts))}");
    }

    [Fact]
    public void TheGateway_ReachesTheStoresOnlyThroughHosting()
    {
        var storeUses = Directory.GetFiles(Path.Combine(RepositoryRoot, "src", "Api"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file))
            .Where(file => File.ReadLines(file).Any(line => line.StartsWith("using NVelopes.Persistence", StringComparison.Ordinal)
                || line.StartsWith("using NVelopes.Grains.Storage", StringComparison.Ordinal)))
            .Select(file => Path.GetRelativePath(RepositoryRoot, file));

        Assert.Empty(storeUses);
    }

    private static string[] ReferencesOf(string projectFile) => XDocument.Load(projectFile)
        .Descendants("ProjectReference")
        .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar)))
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static bool IsBuildOutput(string file)
    {
        var parts = file.Split(Path.DirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "NVelopes.sln"))) return directory.FullName;
        throw new InvalidOperationException("The tests run outside the repository: NVelopes.sln was not found above " + AppContext.BaseDirectory);
    }
}
