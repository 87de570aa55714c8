using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Translation;
using Cosem.Studio.Connections;

namespace Cosem.Studio.Meters;

/// <summary>
/// One open meter: the associated client, its object list and its frame log. The client serializes its own
/// requests, so the page, a profile read and a script may use it at the same time.
/// </summary>
public sealed partial class MeterSession : IAsyncDisposable
{
    private readonly FrameCaptureLoggerFactory _loggers;

    private MeterSession(string id, ConnectionSettings settings, CosemClient client, FrameLog frames, FrameCaptureLoggerFactory loggers)
    {
        (Id, Settings, Client, Frames, _loggers) = (id, settings, client, frames, loggers);
    }

    /// <summary>The short id in the page's address (/meter/{id}).</summary>
    public string Id { get; }

    /// <summary>How the meter was reached (no secrets).</summary>
    public ConnectionSettings Settings { get; }

    /// <summary>The associated client; scripts get it as <c>meter</c>.</summary>
    public CosemClient Client { get; }

    /// <summary>Every APDU and frame of this connection.</summary>
    public FrameLog Frames { get; }

    /// <summary>The association's object list, once read.</summary>
    public AssociationObjectList? ObjectList { get; private set; }

    /// <summary>When the association was established.</summary>
    public DateTimeOffset OpenedAt { get; } = DateTimeOffset.Now;

    /// <summary>The script last run in this session's pane (kept per connection while it is open).</summary>
    public string Script { get; set; } = ScriptSamples.Default;

    /// <summary>
    /// Associates with the meter; failures are <see cref="Sdk.CosemException"/>s (or <see cref="ArgumentException"/>
    /// for bad input) whose message <see cref="ErrorText.Describe"/> turns into words.
    /// </summary>
    public static async Task<MeterSession> OpenAsync(string id, ConnectionSettings settings, ConnectionSecrets secrets,
        CancellationToken cancellationToken)
    {
        var frames = new FrameLog();
        var loggers = new FrameCaptureLoggerFactory(frames);
        var (transport, options) = ConnectionFactory.Create(settings, secrets, loggers);
        if (options.Authentication.Mechanism != MechanismName.None || options.Protection is not null)
        {
            frames.Decryptor = DecryptorFor(secrets, settings);
        }
        var client = await CosemClient.ConnectAsync(transport, options, cancellationToken);
        return new MeterSession(id, settings, client, frames, loggers);
    }

    /// <summary>Reads (or re-reads) the object list of the association.</summary>
    public async Task<AssociationObjectList> ReadObjectListAsync(CancellationToken cancellationToken)
    {
        ObjectList = await Client.ReadObjectListAsync(cancellationToken);
        return ObjectList;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await Client.ReleaseAsync(timeout.Token);
        }
        catch (Exception e) when (e is Sdk.CosemException or OperationCanceledException or IOException or InvalidOperationException)
        {
            // Closing anyway: a meter that does not answer the release must not keep the connection open.
        }
        await Client.DisposeAsync();
        _loggers.Dispose();
    }

    private static ApduDecryptor? DecryptorFor(ConnectionSecrets secrets, ConnectionSettings settings)
    {
        try
        {
            return new ApduDecryptor
            {
                BlockCipherKey = string.IsNullOrEmpty(secrets.BlockCipherKey) ? default : Convert.FromHexString(secrets.BlockCipherKey.Replace(" ", "", StringComparison.Ordinal)),
                AuthenticationKey = string.IsNullOrEmpty(secrets.AuthenticationKey) ? default : Convert.FromHexString(secrets.AuthenticationKey.Replace(" ", "", StringComparison.Ordinal)),
                SystemTitle = Sdk.Security.SystemTitle.Parse(settings.SystemTitle),
            };
        }
        catch (FormatException)
        {
            return null; // ConnectionFactory has already refused bad keys; nothing to decrypt with
        }
    }
}
