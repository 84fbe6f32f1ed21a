namespace NVelopes.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench -- --scenario all --seconds 10 --store embedded|mongodb</c>.
/// (Not a top-level program: the gateway's <c>Program</c> class is already in scope through the Api reference.)
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };
        return await BenchmarkApp.RunAsync(args, Console.Out, Console.Error, interrupted.Token);
    }
}
