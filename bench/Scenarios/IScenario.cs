namespace NVelopes.Bench.Scenarios;

internal interface IScenario
{
    string Name { get; }

    /// <summary>Runs the scenario and answers its one RESULT line.</summary>
    Task<string> RunAsync(ScenarioContext context, CancellationToken cancellationToken);
}
