using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.EndToEnd;

namespace Cosem.Sdk.Tests.Server;

/// <summary>
/// <see cref="ServerProtection"/> on its own: one ciphered LN association (Green Book titles and keys), an inner handler
/// that records the plain request it is given and answers with <see cref="Answer"/>, and the refusal log captured, so
/// a test sees exactly what was opened, what was answered and why a request was refused.
/// </summary>
internal sealed class ServerProtectionHarness
{
    public static readonly SystemTitle ClientTitle = SecureLoopbackMeter.ClientTitle;
    public static readonly SystemTitle ServerTitle = SecureLoopbackMeter.ServerTitle;

    /// <summary>A GET of the clock's time (IEC 62056-5-3 example).</summary>
    public static readonly byte[] Get = Convert.FromHexString("C001C100080000010000FF0200");

    /// <summary>A GET-Response-Normal with unsigned 5.</summary>
    public static readonly byte[] PlainAnswer = Convert.FromHexString("C401C1001105");

    private readonly ServerProtection _protection;

    public ServerProtectionHarness(SecurityPolicy policy = SecurityPolicy.AuthenticatedEncrypted, SecuritySuite suite = SecuritySuite.Suite0,
        bool withSecurity = true, SystemTitle? clientTitle = null, bool withClientTitle = true, CipheringKeys? keys = null)
    {
        Keys = keys ?? SecureLoopbackMeter.Keys(suite);
        Security = new AssociationSecurity(ServerTitle, Keys, policy);
        var device = new LogicalDevice(1);
        var definition = new AssociationLnServer(new ObisCode(0, 0, 40, 0, 2, 255), 1) { Security = withSecurity ? Security : null };
        Association = new AssociationState(device, [device], definition, 1, ApplicationContextName.LogicalNameWithCiphering, Conformance.Get,
            0xFFFF, 0xFFFF, withClientTitle ? (clientTitle ?? ClientTitle).ToArray() : (ReadOnlyMemory<byte>?)null);
        var refusals = new SessionRefusals(new RefusalLog(Logs.CreateLogger("test"), TimeSpan.FromHours(1), TimeProvider.System), 1, "test");
        _protection = new ServerProtection(new RecordingHandler(this), refusals);
        Unicast = Keys.CreateCipher(CipheringKeyKind.GlobalUnicast);
    }

    public CipheringKeys Keys { get; }

    public ApduCipher Unicast { get; }

    public AssociationSecurity Security { get; }

    public AssociationState Association { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Every plain request the inner handler was given.</summary>
    public List<byte[]> Served { get; } = [];

    /// <summary>The inner handler's plain answer; empty for an unconfirmed request (no answer).</summary>
    public byte[] Answer { get; set; } = PlainAnswer;

    /// <summary>The one logged refusal reason (each harness logs its first refusal in full).</summary>
    public string LoggedReason => Assert.Single(Logs.Lines).Message;

    public async Task<byte[]> SendAsync(byte[] apdu)
    {
        var response = new ArrayBufferWriter<byte>();
        await _protection.HandleAsync(Association, apdu, response, CancellationToken.None);
        return response.WrittenSpan.ToArray();
    }

    /// <summary>Sends <paramref name="apdu"/> and returns the EXCEPTION-Response it was refused with.</summary>
    public async Task<ExceptionResponse> RefusedAsync(byte[] apdu)
    {
        var answer = await SendAsync(apdu);
        Assert.Empty(Served);
        return Assert.IsType<ExceptionResponse>(ApduDecoder.DecodeXdlms(answer));
    }

    /// <summary><paramref name="plain"/> in a glo- (or another) envelope as a client protects it.</summary>
    public byte[] Protect(byte[] plain, uint counter, ApduTag tag = ApduTag.GloGetRequest, bool authenticated = true, bool encrypted = true,
        bool broadcast = false, ApduCipher? cipher = null, SystemTitle? title = null)
    {
        var output = new ArrayBufferWriter<byte>();
        ApduEnvelope.Write(cipher ?? Unicast, tag, SecurityControlByte.Create(Keys.Suite, authenticated, encrypted, broadcast), title ?? ClientTitle,
            counter, plain, output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Opens a protected answer the way the client does: its plain APDU and security header.</summary>
    public static byte[] Open(byte[] answer, ApduCipher cipher, out ApduEnvelope.Envelope envelope, out SecurityHeader header)
    {
        Assert.True(ApduEnvelope.TryRead(answer, out envelope));
        return cipher.Unprotect(ServerTitle, envelope.Content(answer), out header);
    }

    private sealed class RecordingHandler(ServerProtectionHarness harness) : IRequestHandler
    {
        public ValueTask HandleAsync(AssociationState association, ReadOnlyMemory<byte> apdu, IBufferWriter<byte> response, CancellationToken cancellationToken)
        {
            harness.Served.Add(apdu.ToArray());
            response.Write<byte>(harness.Answer);
            return ValueTask.CompletedTask;
        }
    }
}
