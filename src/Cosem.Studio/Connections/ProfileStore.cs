using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Cosem.Studio.Connections;

/// <summary>A saved connection: the settings in clear, the secrets only as a Data Protection payload.</summary>
public sealed record SavedProfile
{
    /// <summary>The connection settings (no secret).</summary>
    public ConnectionSettings Settings { get; init; } = new();

    /// <summary>The secrets protected with ASP.NET Core Data Protection (purpose <see cref="ProfileStore.Purpose"/>); null when none were saved.</summary>
    public string? ProtectedSecrets { get; init; }

    /// <summary>The script saved with this profile.</summary>
    public string? Script { get; init; }
}

/// <summary>
/// Saved connection profiles in <c>profiles.json</c> in the studio's data directory. Secrets are saved only when
/// the user asks, and then only protected (Data Protection keys live in the same directory, in <c>keys/</c>): the
/// file never holds a password or key in plain text.
/// </summary>
public sealed class ProfileStore(string directory, IDataProtectionProvider protection)
{
    /// <summary>The Data Protection purpose of saved secrets.</summary>
    public const string Purpose = "Cosem.Studio.ConnectionSecrets.v1";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The profiles file.</summary>
    public string FilePath => Path.Combine(directory, "profiles.json");

    /// <summary>Every saved profile, by name.</summary>
    public async Task<IReadOnlyList<SavedProfile>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await ReadAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Saves (or replaces, by name) a profile; the secrets only when <paramref name="secrets"/> is given.</summary>
    public async Task SaveAsync(ConnectionSettings settings, ConnectionSecrets? secrets, string? script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.Name))
        {
            throw new ArgumentException("Give the profile a name.");
        }
        var saved = new SavedProfile
        {
            Settings = settings with { },
            ProtectedSecrets = secrets is { IsEmpty: false } ? _protector.Protect(JsonSerializer.Serialize(secrets)) : null,
            Script = script,
        };
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var profiles = (await ReadAsync(cancellationToken)).Where(p => p.Settings.Name != settings.Name).Append(saved)
                .OrderBy(p => p.Settings.Name, StringComparer.OrdinalIgnoreCase).ToList();
            await WriteAsync(profiles, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Saves <paramref name="script"/> with the profile of <paramref name="settings"/> (by name), keeping its saved
    /// secrets; a connection without a profile gets one, without secrets.
    /// </summary>
    public async Task SaveScriptAsync(ConnectionSettings settings, string script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var profiles = await ReadAsync(cancellationToken);
            var existing = profiles.FirstOrDefault(p => p.Settings.Name == settings.Name);
            profiles.Remove(existing!);
            profiles.Add((existing ?? new SavedProfile { Settings = settings with { } }) with { Script = script });
            await WriteAsync([.. profiles.OrderBy(p => p.Settings.Name, StringComparer.OrdinalIgnoreCase)], cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Removes the profile called <paramref name="name"/>.</summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await WriteAsync([.. (await ReadAsync(cancellationToken)).Where(p => p.Settings.Name != name)], cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The secrets of <paramref name="profile"/>; empty when none were saved or they cannot be unprotected
    /// (the keys were lost): the user then enters them again.</summary>
    public ConnectionSecrets Unprotect(SavedProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.ProtectedSecrets is null)
        {
            return new ConnectionSecrets();
        }
        try
        {
            return JsonSerializer.Deserialize<ConnectionSecrets>(_protector.Unprotect(profile.ProtectedSecrets)) ?? new ConnectionSecrets();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return new ConnectionSecrets();
        }
    }

    // Written to a temporary file and moved over the old one, so a crash never leaves half a file.
    private async Task WriteAsync(List<SavedProfile> profiles, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var temporary = FilePath + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(profiles, Json), cancellationToken);
        File.Move(temporary, FilePath, overwrite: true);
    }

    private async Task<List<SavedProfile>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }
        try
        {
            await using var stream = File.OpenRead(FilePath);
            return await JsonSerializer.DeserializeAsync<List<SavedProfile>>(stream, Json, cancellationToken) ?? [];
        }
        catch (JsonException)
        {
            return []; // a damaged file is not fatal: the next save writes a fresh one
        }
    }
}
