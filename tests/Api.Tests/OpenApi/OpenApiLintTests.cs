using System.Diagnostics;
using System.Text.Json.Nodes;
using NVelopes.Api.Tests.Infrastructure;

namespace NVelopes.Api.Tests.OpenApi;

/// <summary>
/// The served description passes Redocly's recommended rules (tools/openapi-lint) with no error and no warning. The
/// linter is the project's pinned npm package: installed by .ci/run, or here with <c>npm ci</c> when it is missing,
/// so the test never passes without having linted.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiLintTests(ApiFixture fixture)
{
    private static readonly string LintFolder = RepositoryFiles.PathOf("tools", "openapi-lint");
    private static readonly string Cli = Path.Combine(LintFolder, "node_modules", "@redocly", "cli", "bin", "cli.js");

    [Fact]
    public async Task ServedDescription_PassesTheRecommendedRules_WithoutWarnings()
    {
        using var client = fixture.Factory.CreateClient();
        var description = await client.GetStringAsync(NVelopes.Api.OpenApi.OpenApiExtensions.DocumentPath);
        var file = Path.Combine(Path.GetTempPath(), $"nvelopes-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, description);
        try
        {
            if (!File.Exists(Cli)) Assert.Equal(0, (await RunAsync("npm", "ci", "--no-audit", "--no-fund")).ExitCode);
            var (exitCode, output) = await RunAsync("node", Cli, "lint", file, "--format=json");

            var report = JsonNode.Parse(output[output.IndexOf('{')..])!;
            var problems = string.Join("\n", report["problems"]!.AsArray().Select(p => $"{p!["severity"]} {p["ruleId"]}: {p["message"]}"));
            Assert.True(exitCode == 0, problems);
            Assert.Equal(0, report["totals"]!["errors"]!.GetValue<int>());
            Assert.True(report["totals"]!["warnings"]!.GetValue<int>() == 0, problems);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = LintFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + (process.ExitCode == 0 ? "" : "\n" + await errors));
    }
}
