using System.Runtime;

namespace NVelopes.Bench.Load;

/// <summary>
/// Counters of what the runtime itself did in this process: methods compiled, collections, thread-pool threads.
/// The difference of two readings goes on the progress lines, so a dip in throughput can be told apart as the
/// JIT still tiering up, the collector, or the thread pool growing or shrinking.
/// </summary>
internal readonly record struct RuntimeActivity(long MethodsCompiled, int Gen0, int Gen1, int Gen2, int PoolThreads)
{
    public static RuntimeActivity Read() => new(
        JitInfo.GetCompiledMethodCount(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
        ThreadPool.ThreadCount);

    /// <summary>What happened between <paramref name="before"/> and <paramref name="after"/>; threads as they are now.</summary>
    public static RuntimeActivity operator -(RuntimeActivity after, RuntimeActivity before) => new(
        after.MethodsCompiled - before.MethodsCompiled, after.Gen0 - before.Gen0, after.Gen1 - before.Gen1,
        after.Gen2 - before.Gen2, after.PoolThreads);

    public override string ToString() => $"jit {MethodsCompiled}, gc {Gen0}/{Gen1}/{Gen2}, pool threads {PoolThreads}";
}
