using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// A ciphered GET response (1,000-byte get-response APDU, security suite 0, authenticated and encrypted):
/// protect + unprotect with <see cref="ApduCipher"/> against the bare BCL <see cref="AesGcm"/> doing the same
/// GCM work on the same bytes. Target: ApduCipher within 2x of the baseline.
/// </summary>
[MemoryDiagnoser]
public class SecurityBenchmarks
{
    private const int ApduLength = 1000;
    private static readonly byte[] BlockCipherKey = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
    private static readonly byte[] AuthenticationKey = Convert.FromHexString("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
    private static readonly SystemTitle ServerTitle = SystemTitle.Parse("4D4D4D0000BC614E");
    private static readonly SecurityControlByte Control = SecurityControlByte.Create(SecuritySuite.Suite0, authenticated: true, encrypted: true);

    private readonly byte[] _apdu = new byte[ApduLength];
    private readonly byte[] _protected = new byte[SecurityHeader.Length + ApduLength + ApduCipher.TagLength];
    private readonly byte[] _decrypted = new byte[ApduLength];
    private readonly byte[] _nonce = new byte[ApduCipher.NonceLength];
    private readonly byte[] _aad = new byte[1 + 16];
    private readonly byte[] _tag = new byte[ApduCipher.TagLength];
    private readonly ArrayBufferWriter<byte> _envelope = new(2048);
    private ApduCipher _cipher = null!;
    private AesGcm _aesGcm = null!;
    private uint _invocationCounter;

    [GlobalSetup]
    public void Setup()
    {
        // get-response-normal, invoke-id C1, data: octet-string of 994 bytes
        _apdu[0] = 0xC4;
        _apdu[1] = 0x01;
        _apdu[2] = 0xC1;
        _apdu[3] = 0x00;
        _apdu[4] = 0x09;
        _apdu[5] = 0x82;
        BinaryPrimitives.WriteUInt16BigEndian(_apdu.AsSpan(6), ApduLength - 8);
        for (var i = 8; i < _apdu.Length; i++)
        {
            _apdu[i] = (byte)i;
        }
        _cipher = new ApduCipher(SecuritySuite.Suite0, BlockCipherKey, AuthenticationKey);
        _aesGcm = new AesGcm(BlockCipherKey, ApduCipher.TagLength);
        _aad[0] = Control.Value;
        AuthenticationKey.CopyTo(_aad, 1);
        ServerTitle.CopyTo(_nonce);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cipher.Dispose();
        _aesGcm.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Raw AesGcm encrypt+decrypt, 1000 B")]
    public int RawAesGcm()
    {
        var counter = ++_invocationCounter;
        BinaryPrimitives.WriteUInt32BigEndian(_nonce.AsSpan(SystemTitle.Length), counter);
        var ciphertext = _protected.AsSpan(SecurityHeader.Length, ApduLength);
        _aesGcm.Encrypt(_nonce, _apdu, ciphertext, _tag, _aad);
        _aesGcm.Decrypt(_nonce, ciphertext, _tag, _decrypted, _aad);
        return _decrypted[^1];
    }

    /// <summary>
    /// The sessions' path: the server wraps the get-response in a glo-get-response (tag, length, SC, IC, C, T) as
    /// ServiceProcessor does; the client recognises the envelope, checks the policy and opens it as
    /// ApduProtection.Ciphered does.
    /// </summary>
    [Benchmark(Description = "Session glo-get-response write+open, 1000 B")]
    public int SessionEnvelopeWriteOpen()
    {
        _envelope.ResetWrittenCount();
        ApduEnvelope.Write(_cipher, ApduTag.GloGetResponse, Control, ServerTitle, ++_invocationCounter, _apdu, _envelope);
        var received = _envelope.WrittenSpan;
        if (!ApduEnvelope.TryRead(received, out var envelope))
        {
            throw new InvalidOperationException("Not a protected APDU.");
        }
        var content = envelope.Content(received);
        if (!SecurityPolicy.AuthenticatedEncrypted.IsSatisfiedBy(SecurityHeader.Read(content).Control))
        {
            throw new InvalidOperationException("Under-protected.");
        }
        return _cipher.Unprotect(ServerTitle, content, _decrypted, out _);
    }

    [Benchmark(Description = "ApduCipher protect+unprotect, 1000 B")]
    public int ApduCipherProtectUnprotect()
    {
        var length = _cipher.Protect(Control, ServerTitle, ++_invocationCounter, _apdu, _protected);
        return _cipher.Unprotect(ServerTitle, _protected.AsSpan(0, length), _decrypted, out _);
    }
}
