using System.Buffers;

namespace NVelopes.Api.Wire;

/// <summary>One serialisation buffer per thread, kept while it stays small.</summary>
internal static class JsonOkBuffer
{
    private const int KeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    public static ArrayBufferWriter<byte> Rent()
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(4096);
        t_buffer = null;
        return buffer;
    }

    public static void Return(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity > KeptCapacity) return;
        buffer.ResetWrittenCount();
        t_buffer = buffer;
    }
}
