namespace NVelopes.Durability.Tests;

/// <summary>The build configuration the service was built in alongside these tests (Debug or Release).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ApiBuildConfigurationAttribute(string configuration) : Attribute
{
    public string Configuration { get; } = configuration;
}
