using System.Security.Cryptography;
using System.Text;

namespace SynthData.Filtering;

/// <summary>
/// A 128-bit digest of a text (the first half of its SHA-256), for indexes that must tell texts apart without holding
/// them: two different texts share one with probability 2^-128, so equal digests can be taken as equal texts.
/// </summary>
public static class Hash128
{
    public static UInt128 Of(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }
}
