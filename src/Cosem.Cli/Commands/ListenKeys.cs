using Cosem.Sdk.Client;
using Cosem.Sdk.Security;
using Cosem.Sdk.Translation;

namespace Cosem.Cli.Commands;

/// <summary>The keys of <c>cosem listen</c>: per system title from a key file, else one key set for every meter.</summary>
internal sealed class ListenKeys : IPushKeyProvider
{
    private readonly Dictionary<SystemTitle, CipheringKeys> _perMeter;
    private readonly CipheringKeys? _everyMeter;

    private ListenKeys(Dictionary<SystemTitle, CipheringKeys> perMeter, CipheringKeys? everyMeter)
    {
        _perMeter = perMeter;
        _everyMeter = everyMeter;
    }

    /// <summary>The provider, or null when no key was given (notifications in the clear only).</summary>
    public static ListenKeys? Create(ReadOnlyMemory<byte> blockCipherKey, ReadOnlyMemory<byte> authenticationKey, FileInfo? keyFile)
    {
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
        return everyMeter is null && perMeter.Count == 0 ? null : new ListenKeys(perMeter, everyMeter);
    }

    /// <inheritdoc/>
    public CipheringKeys? GetKeys(SystemTitle systemTitle) => _perMeter.GetValueOrDefault(systemTitle) ?? _everyMeter;

    private static CipheringKeys Keys(ReadOnlySpan<byte> key, ReadOnlySpan<byte> auth) =>
        new(key.Length == 32 ? SecuritySuite.Suite2 : SecuritySuite.Suite0, key, auth);
}
