using System.Globalization;
using Cosem.Sdk.Transport;
using Microsoft.Extensions.Configuration;

namespace Cosem.Sdk.Hosting;

/// <summary>
/// Binds <see cref="CosemClientOptions"/> from its configuration section by hand: the configuration binder's source
/// generator would bind a <see cref="CosemAddress"/> as an object with a <c>Value</c> key instead of through its
/// converter, and the reflection binder is not trim- or AOT-safe. Keys missing from the section keep their values.
/// </summary>
internal static class CosemClientOptionsBinder
{
    public static void Bind(IConfigurationSection section, CosemClientOptions options)
    {
        if (section[nameof(options.Host)] is { } host)
        {
            options.Host = host;
        }
        if (section[nameof(options.Port)] is { } port)
        {
            options.Port = Parse<int>(section, nameof(options.Port), port);
        }
        if (section[nameof(options.Transport)] is { } transport)
        {
            options.Transport = transport;
        }
        if (section[nameof(options.ClientAddress)] is { } client)
        {
            options.ClientAddress = Parse<CosemAddress>(section, nameof(options.ClientAddress), client);
        }
        if (section[nameof(options.ServerAddress)] is { } server)
        {
            options.ServerAddress = Parse<CosemAddress>(section, nameof(options.ServerAddress), server);
        }
        if (section[nameof(options.PhysicalAddress)] is { } physical)
        {
            options.PhysicalAddress = physical.Length == 0 ? null : Parse<int>(section, nameof(options.PhysicalAddress), physical);
        }
        if (section[nameof(options.Authentication)] is { } authentication)
        {
            options.Authentication = authentication;
        }
        if (section[nameof(options.Password)] is { } password)
        {
            options.Password = password;
        }
        if (section[nameof(options.RequestTimeout)] is { } timeout)
        {
            options.RequestTimeout = Parse<TimeSpan>(section, nameof(options.RequestTimeout), timeout);
        }
        if (section[nameof(options.GeneralBlockTransferWindow)] is { } window)
        {
            options.GeneralBlockTransferWindow = Parse<int>(section, nameof(options.GeneralBlockTransferWindow), window);
        }
    }

    // The same failure the configuration binder reports: the key and the text, never the password (not parsed here).
    private static T Parse<T>(IConfigurationSection section, string key, string text)
        where T : IParsable<T> =>
        T.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"Failed to convert configuration value '{text}' at '{section.Path}:{key}' to type '{typeof(T).Name}'.");
}
