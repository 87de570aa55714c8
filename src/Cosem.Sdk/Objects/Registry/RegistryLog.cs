using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Objects;

/// <summary>Warnings of the class registry.</summary>
internal static partial class RegistryLog
{
    [LoggerMessage(EventId = 701, Level = LogLevel.Warning,
        Message = "Interface class {ClassId} version {Version} is not known; using {Name} (version {KnownVersion}), the nearest known version: attributes and methods the versions do not share are not typed")]
    public static partial void VersionFallback(ILogger logger, ushort classId, byte version, string name, byte knownVersion);
}
