using System.Collections;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Transport;

namespace Cosem.Sdk.Server;

/// <summary>
/// One logical device of a physical meter (Blue Book §4.1.8): the COSEM objects reachable at one server SAP.
/// Address 1 is the management logical device every meter has. Objects are added with a collection
/// initializer; the association objects (<see cref="IAssociationObject"/>) among them decide which clients may associate.
/// </summary>
/// <example><code>
/// var device = new LogicalDevice(1)
/// {
///     new MyClock(ObisCode.Parse("0.0.1.0.0.255")),
///     new AssociationLnServer(ObisCode.Parse("0.0.40.0.1.255"), clientAddress: 16) { Access = AccessLevel.ReadOnly },
/// };
/// </code></example>
public sealed class LogicalDevice : IEnumerable<CosemObject>
{
    /// <summary>The address of the management logical device (Blue Book §4.1.8.2).</summary>
    public static readonly CosemAddress ManagementAddress = CosemAddress.ManagementLogicalDevice;

    private readonly Lock _lock = new();
    private Snapshot _snapshot = new([], new Dictionary<ObisCode, CosemObject>(), new Dictionary<CosemAddress, IAssociationObject>());

    /// <summary>Creates the empty management logical device (address 1, named <c>COSEM0001</c>).</summary>
    public LogicalDevice()
        : this(CosemAddress.ManagementLogicalDevice)
    {
    }

    /// <summary>Creates an empty logical device.</summary>
    /// <param name="address">The server SAP (default 1, the management logical device); 0, 0x7F and 0x3FFF are
    /// refused.</param>
    /// <param name="name">The logical device name; null for <c>COSEM</c> followed by the 4-digit address, e.g.
    /// <c>COSEM0001</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="address"/> is the no-station or an all-station
    /// address.</exception>
    public LogicalDevice(CosemAddress address, string? name = null)
    {
        if (address.Value is 0 or 0x7F or 0x3FFF)
        {
            throw new ArgumentOutOfRangeException(nameof(address), address, "0 (no station) and the all-station addresses cannot address a logical device.");
        }
        Address = address;
        Name = name ?? $"COSEM{address.Value:D4}";
    }

    /// <summary>The server SAP: wrapper wPort, HDLC upper (logical device) address.</summary>
    public CosemAddress Address { get; }

    /// <summary>The logical device name reported by SAP assignment (Blue Book §4.4.5; at most 16 octets by custom).</summary>
    public string Name { get; }

    /// <summary>Every object, in the order added.</summary>
    public IReadOnlyList<CosemObject> Objects => _snapshot.Objects;

    /// <summary>The association objects, one per client address admitted.</summary>
    public IEnumerable<IAssociationObject> Associations => _snapshot.Associations.Values;

    /// <summary>
    /// Adds an object. Logical names are unique within a logical device, and one client address has one
    /// association.
    /// </summary>
    public void Add(CosemObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_lock)
        {
            var current = _snapshot;
            if (current.ByName.ContainsKey(item.LogicalName))
            {
                throw new ArgumentException($"Logical device {Address} already holds an object named {item.LogicalName}.", nameof(item));
            }
            var associations = current.Associations;
            if (item is IAssociationObject association)
            {
                if (associations.ContainsKey(association.ClientAddress))
                {
                    throw new ArgumentException($"Logical device {Address} already has an association for client {association.ClientAddress}.", nameof(item));
                }
                associations = new Dictionary<CosemAddress, IAssociationObject>(associations) { [association.ClientAddress] = association };
            }
            var byName = new Dictionary<ObisCode, CosemObject>(current.ByName) { [item.LogicalName] = item };
            _snapshot = new Snapshot([.. current.Objects, item], byName, associations);
        }
    }

    /// <summary>
    /// The object of class <paramref name="classId"/> named <paramref name="logicalName"/>, or null. A name held by
    /// an object of another class is not a match (IEC 62056-5-3: object-class-inconsistent is not used by GET).
    /// </summary>
    public CosemObject? Find(ushort classId, ObisCode logicalName) =>
        _snapshot.ByName.TryGetValue(logicalName, out var item) && item.ClassId == classId ? item : null;

    /// <summary>The object named <paramref name="logicalName"/>, whatever its class, or null.</summary>
    public CosemObject? Find(ObisCode logicalName) => _snapshot.ByName.GetValueOrDefault(logicalName);

    /// <summary>The association that admits <paramref name="clientAddress"/>, or null.</summary>
    public IAssociationObject? FindAssociation(CosemAddress clientAddress) => _snapshot.Associations.GetValueOrDefault(clientAddress);

    /// <summary>Enumerates <see cref="Objects"/> in the order added; also what makes the collection initializer
    /// work.</summary>
    public IEnumerator<CosemObject> GetEnumerator() => ((IEnumerable<CosemObject>)_snapshot.Objects).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => $"logical device {Address} ({Name}, {Objects.Count} objects)";

    // Copy-on-write, so sessions read without locking while the application may still add objects.
    private sealed record Snapshot(
        CosemObject[] Objects,
        Dictionary<ObisCode, CosemObject> ByName,
        Dictionary<CosemAddress, IAssociationObject> Associations);
}
