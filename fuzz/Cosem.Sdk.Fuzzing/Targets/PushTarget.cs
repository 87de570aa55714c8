using Cosem.Sdk.Client;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Fuzzing.Targets;

/// <summary>
/// The push decoder (<see cref="PushNotificationDecoder.TryDecode"/>) on whatever a meter may push: it must refuse
/// bad input with a <see cref="PushRejection"/> and never throw. Keys are known for one system title
/// (4D4D4D0000BC614E, the Green Book keys) so ciphered seeds reach the decryption and the body decoding.
/// </summary>
public sealed class PushTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "push";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        // A fresh decoder per input: the replay window of one input must not hide the next one's paths.
        var decoder = new PushNotificationDecoder(new PushListenerOptions { Keys = new InMemoryPushKeyProvider().Add(Material.Meter, Material.Keys) });
        if (decoder.TryDecode(input.ToArray(), new PushOrigin(null, 1, 102, Material.Meter), out var notification, out var rejection))
        {
            _ = notification.Body.ToString();
        }
        else
        {
            _ = rejection.ToString();
        }
    }

    // Built on first use, not when the target list is built: `--list` runs outside libFuzzer, where touching an
    // instrumented SDK type (SharpFuzz's module initializer) needs the driver's shared memory and crashes.
    private static class Material
    {
        public static readonly CipheringKeys Keys = new(SecuritySuite.Suite0,
            Convert.FromHexString("000102030405060708090A0B0C0D0E0F"), Convert.FromHexString("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF"));

        public static readonly SystemTitle Meter = SystemTitle.Parse("4D4D4D0000BC614E");
    }
}
