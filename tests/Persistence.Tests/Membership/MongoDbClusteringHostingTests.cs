using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NVelopes.Persistence.MongoDB.Hosting;
using NVelopes.Persistence.MongoDB.Membership;
using Orleans;
using Orleans.Messaging;
using Orleans.Runtime;

namespace NVelopes.Persistence.Tests.Membership;

/// <summary>What the hosting extensions register, without a server: they do no I/O until Orleans calls them.</summary>
public sealed class MongoDbClusteringHostingTests
{
    private const string SecretConnectionString = "mongodb://nvelopes:s3cret-pa55@db1:27017,db2:27017/budget?replicaSet=rs0&authSource=admin";

    [Fact]
    public void AddMongoDbMembershipTable_RegistersTheTableAndItsValidator()
    {
        using var services = Build(s => s.AddMongoDbMembershipTable(o => o.Configure(options => options.ConnectionString = SecretConnectionString)));

        Assert.IsType<MongoDbMembershipTable>(services.GetRequiredService<IMembershipTable>());
        Assert.Null(services.GetService<IGatewayListProvider>());
        var validator = Assert.Single(services.GetServices<IConfigurationValidator>());
        validator.ValidateConfiguration();
    }

    [Fact]
    public void AddMongoDbGatewayListProvider_RegistersTheGatewayListOnly()
    {
        using var services = Build(s => s.AddMongoDbGatewayListProvider(o => o.Configure(options => options.ConnectionString = SecretConnectionString)));

        Assert.IsType<MongoDbGatewayListProvider>(services.GetRequiredService<IGatewayListProvider>());
        Assert.Null(services.GetService<IMembershipTable>());
    }

    [Fact]
    public void Options_BoundFromConfiguration_TakeTheSharedConnectionStringAndTheSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:MongoDB"] = SecretConnectionString,
            [$"{MongoDbClusteringOptions.SectionName}:CollectionPrefix"] = "cluster_",
        }).Build();
        using var services = Build(
            s => s.AddSingleton<IConfiguration>(configuration)
                .AddMongoDbMembershipTable(o => o.BindMongoDbConfiguration(MongoDbClusteringOptions.SectionName)));

        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MongoDbClusteringOptions>>().Value;

        Assert.Equal(SecretConnectionString, options.ConnectionString);
        Assert.Equal("cluster_", options.CollectionPrefix);
        Assert.Equal(TimeSpan.FromSeconds(5), options.OperationTimeout);
    }

    [Fact]
    public void OptionsLog_ShowsHostsAndDatabase_NeverTheCredentials()
    {
        using var services = Build(s => s.AddMongoDbMembershipTable(o => o.Configure(options => options.ConnectionString = SecretConnectionString)));

        var formatter = Assert.Single(services.GetServices<IOptionFormatter>().OfType<IOptionFormatter<MongoDbClusteringOptions>>());
        var lines = string.Join('\n', formatter.Format());

        Assert.Contains("db1:27017", lines);
        Assert.Contains("budget", lines);
        Assert.DoesNotContain("s3cret-pa55", lines);
        Assert.DoesNotContain("nvelopes:", lines);
    }

    private static ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        // Orleans registers its (internal) default options formatter with its own services; a bare container needs it here.
        services.AddSingleton(typeof(IOptionFormatter<>), typeof(IOptionFormatter).Assembly.GetType("Orleans.DefaultOptionsFormatter`1", throwOnError: true)!);
        services.Configure<Orleans.Configuration.ClusterOptions>(o => o.ClusterId = "hosting-test");
        configure(services);
        return services.BuildServiceProvider();
    }
}
