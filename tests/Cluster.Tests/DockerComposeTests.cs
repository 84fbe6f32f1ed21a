using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace NVelopes.Cluster.Tests;

/// <summary>
/// No Docker engine runs where these tests run, so the deployment files are checked as text: the compose file brings
/// up an authenticated MongoDB replica set, scalable silos and the API wired to them, and the one Dockerfile builds
/// both hosts from a shared stage and runs each as an unprivileged user.
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
        Assert.Equal(".", Scalar(Map(service["build"]), "context"));
        Assert.Equal(name, Scalar(Map(service["build"]), "target"));
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
    [InlineData("silo", "NVelopes.Silo.dll", "src/Silo/Silo.csproj")]
    [InlineData("api", "NVelopes.Api.dll", "src/Api/Api.csproj")]
    public void Dockerfile_BuildsEachHostWithTheSdkOnce_AndRunsItOnTheAspNetRuntimeAsNonRoot(string target, string entryAssembly, string project)
    {
        var stages = DockerfileStages();

        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/sdk:10\.0 AS build$", stages["build"][0]);
        Assert.Equal($"FROM build AS publish-{target}", stages[$"publish-{target}"][0]);
        Assert.Contains(stages[$"publish-{target}"], l => l.StartsWith($"RUN dotnet publish {project}", StringComparison.Ordinal) && l.Contains("--configuration Release"));
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0 AS runtime$", stages["runtime"][0]);
        Assert.Contains("USER $APP_UID", stages["runtime"]);

        var final = stages[target];
        Assert.Equal($"FROM runtime AS {target}", final[0]);
        Assert.Contains($"COPY --from=publish-{target} /app .", final);
        Assert.Equal($"ENTRYPOINT [\"dotnet\", \"{entryAssembly}\"]", final[^1]);
    }

    [Fact]
    public void Dockerfile_RestoresBothHostsInTheOneSharedBuildStage()
    {
        var stages = DockerfileStages();

        Assert.Equal(["build", "publish-silo", "publish-api", "runtime", "silo", "api"], stages.Keys);
        Assert.Single(stages.Values.SelectMany(lines => lines), l => l.StartsWith("FROM mcr.microsoft.com/dotnet/sdk", StringComparison.Ordinal));
        var restore = Assert.Single(stages["build"], l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        Assert.Contains("src/Silo/Silo.csproj", restore);
        Assert.Contains("src/Api/Api.csproj", restore);
    }

    /// <summary>The Dockerfile's stages by name, in order, each its lines without comments from its <c>FROM</c> on.</summary>
    private static Dictionary<string, List<string>> DockerfileStages()
    {
        var stages = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var line in File.ReadAllLines(Path.Combine(Deployment, "Dockerfile")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (line.StartsWith("FROM ", StringComparison.Ordinal)) stages[line[(line.LastIndexOf(' ') + 1)..]] = current = [];
            Assert.NotNull(current);
            current.Add(line);
        }
        return stages;
    }

    private YamlMappingNode Service(string name) => Map(_services[name]);

    private static YamlMappingNode Map(YamlNode node) => Assert.IsType<YamlMappingNode>(node);

    private static string Scalar(YamlMappingNode map, string key) => Assert.IsType<YamlScalarNode>(map[key]).Value ?? "";

    private static List<string> Sequence(YamlMappingNode map, string key) =>
        [.. Assert.IsType<YamlSequenceNode>(map[key]).Children.Select(c => Assert.IsType<YamlScalarNode>(c).Value ?? "")];

    [GeneratedRegex("PASSWORD|SECRET|SIGNINGKEY|SIGNING_KEY", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();
}
