namespace NVelopes.Web.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web app in chromium";
}
