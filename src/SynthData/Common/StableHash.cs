using System.Security.Cryptography;
using System.Text;

namespace SynthData.Common;

/// <summary>Hashes that must not change between processes or .NET versions (string.GetHashCode does).</summary>
public static class StableHash
{
    public static long Int64(params string[] parts)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)), hash);
        return BitConverter.ToInt64(hash[..8]) & long.MaxValue;
    }

    public static string Hex(string text, int bytes = 8)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..bytes]);
    }
}
