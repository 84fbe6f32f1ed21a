using System.Text;

namespace NVelopes.Grains.Domain.Import;

/// <summary>
/// The text of a statement file. Banks write UTF-8 (with or without a byte-order mark), UTF-16 with a mark, or
/// the Windows code page of their country (OFX 1.x says <c>CHARSET:1252</c>); a file that is not valid UTF-8 is
/// read as Windows-1252, which decodes every byte, so no file is refused for its encoding.
/// </summary>
public static class StatementText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) content = content[3..];
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(content[2..]);
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(content[2..]);
        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(content);
        }
    }
}
