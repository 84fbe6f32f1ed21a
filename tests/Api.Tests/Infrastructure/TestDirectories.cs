namespace NVelopes.Api.Tests.Infrastructure;

public static class TestDirectories
{
    /// <summary>Removes a test's data directory; a leftover file is no reason to fail the test.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
