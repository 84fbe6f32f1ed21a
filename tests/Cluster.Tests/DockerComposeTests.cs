using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace NVelopes.Cluster.Tests;

/// <summary>
/// No Docker engine runs where these tests run, so the deployment files are checked as text: the compose file brings
/// up an authenticated MongoDB replica set, scalable silos and the API wired to them, and the Dockerfiles are the
/// standard two-stage build run as an unprivileged user.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static readonly string Deployment = Path.Combine(AppContext.BaseDirectory, "Deployment");
    private readonly YamlMappingNode _services;

    public DockerComposeTests()
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(Path.Combine(Deployment, "docker-compose.yml"));
        stream.Load(reader);
        _services = Map(((YamlMappingNode)stream.Documents.Single().RootNode)["services"]);
    }

    [Fact]
    public void Compose_HasTheReplicaSetTheSilosAndTheApi()
    {
        Assert.Equal(["api", "mongo", "mongo-init", "mongo-keyfile", "silo"], _services.Children.Keys.Select(k => k.ToString()).Order());
        Assert.StartsWith("mongo:", Scalar(Service("mongo"), "image"));
    }

    [Fact]
    public void Mongo_RunsAsReplicaSetWithAKeyFileAndARootUserFromTheEnvironment()
    {
        var mongo = Service("mongo");
        var command = Sequence(mongo, "command");
        Assert.Equal("rs0", command[command.IndexOf("--replSet") + 1]);
        Assert.Equal("/keyfile/replica.key", command[command.IndexOf("--keyFile") + 1]);
        Assert.Equal("transactionLifetimeLimitSeconds=15", command[command.IndexOf("--setParameter") + 1]);
        Assert.Contains(Sequence(Service("mongo-keyfile"), "command"), part => part.Contains("openssl rand") && part.Contains("chmod 400"));

        var environment = Map(mongo["environment"]);
        Assert.Matches(@"^\$\{MONGO_ROOT_USERNAME:-\w+\}$", Scalar(environment, "MONGO_INITDB_ROOT_USERNAME"));
        Assert.Matches(@"^\$\{MONGO_ROOT_PASSWORD:\?.+\}$", Scalar(environment, "MONGO_INITDB_ROOT_PASSWORD"));
        Assert.Contains("mongosh", string.Join(' ', Sequence(Map(mongo["healthcheck"]), "test")));
    }

    [Fact]
    public void MongoInit_InitiatesTheReplicaSetOnceTheServerIsHealthy()
    {
        var init = Service("mongo-init");
        var script = string.Join(' ', Sequence(init, "command"));

        Assert.Contains("rs.initiate(", script);
        Assert.Contains("_id: \"rs0\"", script);
        Assert.Contains("host: \"mongo:27017\"", script);
        Assert.Contains("NotYetInitialized", script);
        Assert.Equal("service_healthy", Scalar(Map(Map(init["depends_on"])["mongo"]), "condition"));
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("api")]
    public void Service_RunsOnTheReplicaSetAsOneCluster(string name)
    {
        var service = Service(name);
        var environment = Map(service["environment"]);

        Assert.Equal("MongoDB", Scalar(environment, "Cluster__Provider"));
        var connectionString = Scalar(environment, "ConnectionStrings__MongoDB");
        Assert.Matches(@"^mongodb://\$\{MONGO_ROOT_USERNAME:-\w+\}:\$\{MONGO_ROOT_PASSWORD:\?[^}]+\}@mongo:27017/nvelopes\?", connectionString);
        Assert.Contains("replicaSet=rs0", connectionString);
        Assert.Contains("authSource=admin", connectionString);
        Assert.Equal("nvelopes", Scalar(environment, "Orleans__ClusterId"));
        Assert.Equal("service_completed_successfully", Scalar(Map(Map(service["depends_on"])["mongo-init"]), "condition"));
        Assert.Equal($"src/{char.ToUpperInvariant(name[0])}{name[1..]}/Dockerfile", Scalar(Map(service["build"]), "dockerfile"));
    }

    [Fact]
    public void Silo_StoresInMongoDbAndScalesWithoutFixedHostPorts()
    {
        var silo = Service("silo");

        Assert.Equal("MongoDB", Scalar(Map(silo["environment"]), "Storage__Provider"));
        Assert.False(silo.Children.ContainsKey("ports"), "a fixed host port would stop `--scale silo=N`");
        Assert.False(silo.Children.ContainsKey("container_name"), "a fixed container name would stop `--scale silo=N`");
        Assert.Equal("3", Scalar(Map(silo["deploy"]), "replicas"));
    }

    [Fact]
    public void Api_IsAnOrleansClientWithItsSigningKeyFromTheEnvironment()
    {
        var api = Service("api");
        var environment = Map(api["environment"]);

        Assert.Equal("Client", Scalar(environment, "Api__Orleans"));
        Assert.Matches(@"^\$\{JWT_SIGNING_KEY:\?.+\}$", Scalar(environment, "Jwt__SigningKey"));
        Assert.Equal("${API_PORT:-8000}:8080", Assert.Single(Sequence(api, "ports")));
    }

    [Fact]
    public void Compose_CommitsNoSecret()
    {
        foreach (var (name, service) in _services.Children.Select(c => (c.Key.ToString(), Map(c.Value))))
        {
            if (!service.Children.TryGetValue("environment", out var node)) continue;
            foreach (var (key, value) in Map(node).Children.Select(c => (c.Key.ToString(), c.Value.ToString())))
            {
                if (key.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
                    Assert.Matches(@"^mongodb://\$\{[^}]+\}:\$\{[^}]+\}@", value);
                else if (SecretKey().IsMatch(key))
                    Assert.True(value.StartsWith("${", StringComparison.Ordinal), $"{name}: {key} must come from the environment");
            }
        }
    }

    [Theory]
    [InlineData("Silo.Dockerfile", "NVelopes.Silo.dll")]
    [InlineData("Api.Dockerfile", "NVelopes.Api.dll")]
    public void Dockerfile_BuildsWithTheSdkAndRunsOnTheAspNetRuntimeAsNonRoot(string file, string entryAssembly)
    {
        var lines = File.ReadAllLines(Path.Combine(Deployment, file)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, stages.Count);
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/sdk:10\.0 AS build$", stages[0]);
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0 AS final$", stages[1]);
        var final = lines.Skip(lines.IndexOf(stages[1])).ToList();
        Assert.Contains("COPY --from=build /app .", final);
        Assert.Contains("USER $APP_UID", final);
        Assert.Equal($"ENTRYPOINT [\"dotnet\", \"{entryAssembly}\"]", final[^1]);
        Assert.Contains(lines, l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal) && l.Contains("--configuration Release"));
    }

    private YamlMappingNode Service(string name) => Map(_services[name]);

    private static YamlMappingNode Map(YamlNode node) => Assert.IsType<YamlMappingNode>(node);

    private static string Scalar(YamlMappingNode map, string key) => Assert.IsType<YamlScalarNode>(map[key]).Value ?? "";

    private static List<string> Sequence(YamlMappingNode map, string key) =>
        [.. Assert.IsType<YamlSequenceNode>(map[key]).Children.Select(c => Assert.IsType<YamlScalarNode>(c).Value ?? "")];

    [GeneratedRegex("PASSWORD|SECRET|SIGNINGKEY|SIGNING_KEY", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();
}
