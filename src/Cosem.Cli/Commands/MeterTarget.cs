using System.CommandLine;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;

namespace Cosem.Cli.Commands;

/// <summary>
/// The object a <c>write</c> or <c>invoke</c> addresses (<c>--obis</c>, optional <c>--class</c>) and the value it
/// sends (<c>--value</c>, optional <c>--type</c>); the class and version come from the object list when
/// <c>--class</c> is not given.
/// </summary>
internal sealed class MeterTarget
{
    public Option<string?> Obis { get; } = new("--obis") { Description = "Logical name of the object, e.g. 0.0.1.0.0.255." };
    public Option<int?> ClassId { get; } = new("--class") { Description = "Class id of the object (looked up in the object list when omitted)." };
    public Option<string?> Value { get; } = new("--value") { Description = "The value: a number, text, hex for octet-strings, ISO 8601 for date-times." };
    public Option<string?> Type { get; } = new("--type")
    {
        Description = $"A-XDR type of --value when the class definition does not give it: {string.Join(", ", ValueParsing.TypeNames)} (raw: hex A-XDR data).",
    };

    public IEnumerable<Option> All => [Obis, ClassId, Value, Type];

    /// <summary>The checked arguments; bad ones throw <see cref="ArgumentException"/> before anything is sent.</summary>
    public Request Resolve(ParseResult parse, Option<int> index, string what)
    {
        var obis = parse.GetValue(Obis) ?? throw new ArgumentException("Give --obis.");
        var number = parse.GetValue(index);
        if (number is < -128 or > 127 or 0)
        {
            throw new ArgumentException($"--{what} {number} is not a{(what == "attribute" ? "n attribute" : " method")} index (1-127, or negative for manufacturer ones).");
        }
        if (parse.GetValue(ClassId) is < 0 or > ushort.MaxValue)
        {
            throw new ArgumentException($"--class {parse.GetValue(ClassId)} is not a class id (0-65535).");
        }
        var type = parse.GetValue(Type);
        if (type is not null && !ValueParsing.TypeNames.Contains(type))
        {
            throw new ArgumentException($"--type {type} is not one of {string.Join(", ", ValueParsing.TypeNames)}.");
        }
        var value = parse.GetValue(Value);
        if (type is not null && value is not null)
        {
            ValueParsing.Parse(value, type); // checked now: a bad value is a usage error before connecting
        }
        return new Request(ObisCode.Parse(obis), (sbyte)number, (ushort?)parse.GetValue(ClassId), value, type);
    }

    public sealed record Request(ObisCode LogicalName, sbyte Index, ushort? ClassId, string? Value, string? Type)
    {
        /// <summary>Class id and version: as given, or from the association's object list.</summary>
        public async Task<(ushort ClassId, byte Version)> ClassOfAsync(CosemClient client, CancellationToken cancellationToken)
        {
            if (ClassId is { } given)
            {
                return (given, ClassDefinitions.Find(given, 0)?.Version ?? 0);
            }
            var list = await client.ReadObjectListAsync(cancellationToken);
            var entry = list.Find(LogicalName) ?? throw new ArgumentException($"{LogicalName} is not in the association's object list; give --class.");
            return (entry.ClassId, entry.Version);
        }
    }
}
