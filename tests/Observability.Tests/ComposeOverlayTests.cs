using YamlDotNet.RepresentationModel;

namespace NVelopes.Observability.Tests;

/// <summary>
/// No Docker engine runs where the tests run, so the observability overlay is checked as text: it adds the Aspire
/// dashboard under its own profile and points every NVelopes service of the base file at its OTLP receiver.
/// </summary>
public sealed class ComposeOverlayTests
{
    private const string Dashboard = "aspire-dashboard";
    private static readonly string Deployment = Path.Combine(AppContext.BaseDirectory, "Deployment");

    private readonly YamlMappingNode _base = Services("docker-compose.yml");
    private readonly YamlMappingNode _overlay = Services("docker-compose.observability.yml");

    [Fact]
    public void Overlay_AddsTheAspireDashboardUnderTheObservabilityProfile_OnLocalhostOnly()
    {
        var dashboard = Map(_overlay[Dashboard]);

        Assert.StartsWith("mcr.microsoft.com/dotnet/aspire-dashboard:", dashboard["image"].ToString());
        Assert.Equal(["observability"], ((YamlSequenceNode)dashboard["profiles"]).Select(p => p.ToString()));
        Assert.All((YamlSequenceNode)dashboard["ports"], port => Assert.StartsWith("127.0.0.1:", port.ToString()));
        Assert.Equal("BrowserToken", Map(dashboard["environment"])["DASHBOARD__FRONTEND__AUTHMODE"].ToString());
    }

    [Fact]
    public void Overlay_PointsEveryNVelopesServiceAtTheDashboardsOtlpReceiver()
    {
        var nvelopesServices = _base.Children.Keys.Select(k => k.ToString()).Where(name => name is "api" or "silo").ToList();
        Assert.Equal(["api", "silo"], nvelopesServices.Order());

        foreach (var name in nvelopesServices)
        {
            var environment = Map(Map(_overlay[name])["environment"]);
            Assert.Equal($"http://{Dashboard}:18889", environment["OTEL_EXPORTER_OTLP_ENDPOINT"].ToString());
        }
        Assert.All(_overlay.Children.Keys.Select(k => k.ToString()).Where(name => name != Dashboard),
            name => Assert.True(_base.Children.ContainsKey(name), $"{name} is not a service of docker-compose.yml"));
    }

    private static YamlMappingNode Services(string file)
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(Path.Combine(Deployment, file));
        stream.Load(reader);
        return Map(((YamlMappingNode)stream.Documents.Single().RootNode)["services"]);
    }

    private static YamlMappingNode Map(YamlNode node) => (YamlMappingNode)node;
}
