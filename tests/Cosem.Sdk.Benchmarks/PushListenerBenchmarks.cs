using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Security;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// Pushed notifications one listener opens and decodes: 1,000 meters (each its own TCP connection and system title,
/// security suite 0) push 10 general-glo-ciphered data-notifications each at once; one <see cref="CosemPushListener"/>
/// decrypts, checks the invocation counters, decodes and yields all 10,000. Per notification: <c>Listener</c> (sockets,
/// wrapper framing, decoding), <c>DecoderOnly</c> (the same APDUs through <see cref="PushNotificationDecoder"/>, no
/// sockets) and the in-run baseline <c>RawAesGcm</c> (the bare BCL GCM decryption of the same ciphertexts).
/// Notifications per second = 1e9 / ns per notification.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class PushListenerBenchmarks
{
    private const int Meters = 1000;
    private const int PerMeter = 10;
    private const int Notifications = Meters * PerMeter;
    private static readonly byte[] BlockCipherKey = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
    private static readonly byte[] AuthenticationKey = Convert.FromHexString("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
    private static readonly SecurityControlByte Control = SecurityControlByte.Create(SecuritySuite.Suite0, authenticated: true, encrypted: true);

    private readonly byte[][][] _apdus = new byte[Meters][][];
    private CipheringKeys _keys = null!;
    private CosemPushListener _listener = null!;
    private IApduChannel[] _channels = [];
    private AesGcm _aesGcm = null!;
    private uint _counter;

    private static SystemTitle Title(int meter) => SystemTitle.FromUInt64(0x4D4D4D0000000000UL + (ulong)meter);

    [GlobalSetup]
    public void Setup()
    {
        ThreadPool.SetMinThreads(64, 64);
        _keys = new CipheringKeys(SecuritySuite.Suite0, BlockCipherKey, AuthenticationKey);
        _aesGcm = new AesGcm(BlockCipherKey, ApduCipher.TagLength);
        var provider = new InMemoryPushKeyProvider();
        for (var m = 0; m < Meters; m++)
        {
            provider.Add(Title(m), _keys);
        }
        _listener = CosemPushListener.StartTcp(new IPEndPoint(IPAddress.Loopback, 0), new PushListenerOptions { Keys = provider, RequireProtection = true });
        var ports = new WrapperOptions { ClientWPort = 1, ServerWPort = 102 };
        _channels = Task.WhenAll(Enumerable.Range(0, Meters).Select(async _ =>
            (IApduChannel)await WrapperChannel.ConnectTcpAsync(_listener.LocalEndPoint!, ports))).GetAwaiter().GetResult();
    }

    // Fresh invocation counters for every iteration: the listener refuses replays.
    [IterationSetup]
    public void BuildNotifications()
    {
        using var cipher = _keys.CreateCipher();
        var output = new ArrayBufferWriter<byte>(128);
        for (var m = 0; m < Meters; m++)
        {
            _apdus[m] = new byte[PerMeter][];
            for (var i = 0; i < PerMeter; i++)
            {
                var counter = ++_counter;
                var plain = new DataNotification(new LongInvokeIdAndPriority(counter & 0xFFFFFF, confirmed: false, highPriority: false), ReadOnlyMemory<byte>.Empty,
                    CosemData.Structure(CosemData.OctetString(new byte[] { 0, 0, 25, 9, 0, 255 }), CosemData.FromUInt32(counter),
                        CosemData.FromUInt32((uint)m), CosemData.FromUInt16(2301)).ToArray()).ToArray();
                output.ResetWrittenCount();
                ApduEnvelope.Write(cipher, ApduTag.GeneralGloCiphering, Control, Title(m), counter, plain, output);
                _apdus[m][i] = output.WrittenSpan.ToArray();
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Notifications)]
    public int Listener()
    {
        var sending = Task.WhenAll(_channels.Select(async (channel, m) =>
        {
            foreach (var apdu in _apdus[m])
            {
                await channel.SendAsync(apdu).ConfigureAwait(false);
            }
        }));
        var received = 0;
        while (received < Notifications)
        {
            _listener.ReceiveAsync().AsTask().GetAwaiter().GetResult();
            received++;
        }
        sending.GetAwaiter().GetResult();
        return received;
    }

    [Benchmark(OperationsPerInvoke = Notifications)]
    public int DecoderOnly()
    {
        var provider = new InMemoryPushKeyProvider();
        for (var m = 0; m < Meters; m++)
        {
            provider.Add(Title(m), _keys);
        }
        var decoder = new PushNotificationDecoder(new PushListenerOptions { Keys = provider });
        var delivered = 0;
        for (var m = 0; m < Meters; m++)
        {
            foreach (var apdu in _apdus[m])
            {
                delivered += decoder.TryDecode(apdu, new PushOrigin(null, 1, 102), out _, out _) ? 1 : 0;
            }
        }
        return delivered;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Notifications)]
    public int RawAesGcm()
    {
        Span<byte> nonce = stackalloc byte[ApduCipher.NonceLength];
        Span<byte> aad = stackalloc byte[1 + 16];
        Span<byte> plain = stackalloc byte[256];
        aad[0] = Control.Value;
        AuthenticationKey.CopyTo(aad[1..]);
        var total = 0;
        for (var m = 0; m < Meters; m++)
        {
            Title(m).CopyTo(nonce);
            foreach (var apdu in _apdus[m])
            {
                // 219 ‖ 08 ‖ title(8) ‖ length ‖ SC ‖ IC(4) ‖ C ‖ T(12)
                var content = apdu.AsSpan(11);
                content.Slice(1, 4).CopyTo(nonce[8..]);
                var cipherText = content[5..^ApduCipher.TagLength];
                _aesGcm.Decrypt(nonce, cipherText, content[^ApduCipher.TagLength..], plain[..cipherText.Length], aad);
                total += cipherText.Length;
            }
        }
        return total;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var channel in _channels)
        {
            channel.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        _listener.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _aesGcm.Dispose();
        _keys.Dispose();
        Console.WriteLine($"// listener: {_listener.Statistics}");
    }
}
