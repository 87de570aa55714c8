using Cosem.Sdk.Client;
using Cosem.Sdk.Security;
using Cosem.Sdk.Translation;

namespace Cosem.Cli.Commands;

/// <summary>The keys of <c>cosem listen</c>: per system title from a key file, else one key set for every meter; and
/// the public signing keys per system title (<see cref="ListenSigningKeys"/>).</summary>
internal sealed class ListenKeys : IPushKeyProvider
{
    private readonly Dictionary<SystemTitle, CipheringKeys> _perMeter;
    private readonly CipheringKeys? _everyMeter;
    private readonly Dictionary<SystemTitle, EccPublicKey> _signingKeys;

    private ListenKeys(Dictionary<SystemTitle, CipheringKeys> perMeter, CipheringKeys? everyMeter, Dictionary<SystemTitle, EccPublicKey> signingKeys)
    {
        _perMeter = perMeter;
        _everyMeter = everyMeter;
        _signingKeys = signingKeys;
    }

    /// <summary>The provider, or null when no key was given (unsigned notifications in the clear only).</summary>
    public static ListenKeys? Create(ReadOnlyMemory<byte> blockCipherKey, ReadOnlyMemory<byte> authenticationKey, FileInfo? keyFile,
        Dictionary<SystemTitle, EccPublicKey>? signingKeys = null)
    {
        signingKeys ??= [];
        if (blockCipherKey.IsEmpty != authenticationKey.IsEmpty)
        {
            throw new ArgumentException("Give both --block-cipher-key and --authentication-key, or neither.");
        }
        var everyMeter = blockCipherKey.IsEmpty ? null : Keys(blockCipherKey.Span, authenticationKey.Span);
        var perMeter = new Dictionary<SystemTitle, CipheringKeys>();
        if (keyFile is not null)
        {
            var number = 0;
            foreach (var raw in File.ReadLines(keyFile.FullName))
            {
                number++;
                var line = raw.Split('#')[0].Trim();
                if (line.Length == 0)
                {
                    continue;
                }
                var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length != 3 || !HexText.TryParse(fields[1], out var key) || !HexText.TryParse(fields[2], out var auth) || key.Length != auth.Length)
                {
                    throw new ArgumentException($"{keyFile.Name} line {number}: expected 'SYSTEMTITLE BLOCKCIPHERKEY AUTHENTICATIONKEY' in hex.");
                }
                perMeter[SystemTitle.Parse(fields[0])] = Keys(key, auth);
            }
        }
        return everyMeter is null && perMeter.Count == 0 && signingKeys.Count == 0 ? null : new ListenKeys(perMeter, everyMeter, signingKeys);
    }

    /// <inheritdoc/>
    public CipheringKeys? GetKeys(SystemTitle systemTitle) => _perMeter.GetValueOrDefault(systemTitle) ?? _everyMeter;

    /// <inheritdoc/>
    public EccPublicKey? GetSigningKey(SystemTitle systemTitle) => _signingKeys.GetValueOrDefault(systemTitle);

    private static CipheringKeys Keys(ReadOnlySpan<byte> key, ReadOnlySpan<byte> auth) =>
        new(key.Length == 32 ? SecuritySuite.Suite2 : SecuritySuite.Suite0, key, auth);
}
