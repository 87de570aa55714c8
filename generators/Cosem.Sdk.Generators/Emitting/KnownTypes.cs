namespace Cosem.Sdk.Generators.Emitting;

/// <summary>
/// Every type the generated code names outside itself, spelled with <c>global::</c> so no user type or using can
/// shadow it. The Cosem.Sdk runtime names are all here: when a runtime type moves, this file is the one to change.
/// </summary>
internal static class KnownTypes
{
    /// <summary>The A-XDR namespace with its trailing dot; value types are named by appending to it.</summary>
    public const string AxdrNamespace = "global::Cosem.Sdk.Axdr.";

    /// <summary>The ref struct the generated decoders read from.</summary>
    public const string AxdrReader = AxdrNamespace + "AxdrReader";

    /// <summary>The ref struct the generated encoders write to.</summary>
    public const string AxdrWriter = AxdrNamespace + "AxdrWriter";

    /// <summary>The encoder delegate type that structures' static Encode matches (named in doc comments only).</summary>
    public const string AxdrEncoder = AxdrNamespace + "AxdrEncoder";

    /// <summary>Runtime helpers for arrays, strings and flag bits, so each class need not repeat them.</summary>
    public const string CosemCodecs = "global::Cosem.Sdk.Objects.CosemCodecs";

    /// <summary>The logical name type of every object.</summary>
    public const string ObisCode = "global::Cosem.Sdk.Obis.ObisCode";

    /// <summary>The association a client proxy sends its requests over.</summary>
    public const string CosemSession = "global::Cosem.Sdk.Client.ICosemSession";

    /// <summary>Base class of every generated client proxy.</summary>
    public const string CosemProxy = "global::Cosem.Sdk.Client.CosemProxy";

    /// <summary>Base class of every generated server class.</summary>
    public const string CosemObject = "global::Cosem.Sdk.ObjectModel.CosemObject";

    /// <summary>Who is asking, passed to every server-side handler.</summary>
    public const string RequestContext = "global::Cosem.Sdk.ObjectModel.RequestContext";

    /// <summary>The access-right enum of attributes in <see cref="CosemClassInfo"/>.</summary>
    public const string AttributeAccess = "global::Cosem.Sdk.ObjectModel.AttributeAccess";

    /// <summary>The access-right enum of methods in <see cref="CosemClassInfo"/>.</summary>
    public const string MethodAccess = "global::Cosem.Sdk.ObjectModel.MethodAccess";

    /// <summary>Metadata of one attribute (index, name, access, short-name offset).</summary>
    public const string CosemAttributeInfo = "global::Cosem.Sdk.ObjectModel.CosemAttributeInfo";

    /// <summary>Metadata of one method.</summary>
    public const string CosemMethodInfo = "global::Cosem.Sdk.ObjectModel.CosemMethodInfo";

    /// <summary>A class's id, version, attributes, methods and factories.</summary>
    public const string CosemClassInfo = "global::Cosem.Sdk.Objects.CosemClassInfo";

    /// <summary>Where the runtime looks classes up by id; the generated registry adds to it.</summary>
    public const string CosemClassRegistry = "global::Cosem.Sdk.Objects.CosemClassRegistry";

    /// <summary>Selective access by entry (selector 2); also applies it to in-memory arrays on the server.</summary>
    public const string EntrySelection = "global::Cosem.Sdk.Objects.EntrySelection";

    /// <summary>Selective access by range (selector 1).</summary>
    public const string RangeSelection = "global::Cosem.Sdk.Objects.RangeSelection";

    /// <summary>The result of a GET or SET on the server side.</summary>
    public const string DataAccessResult = "global::Cosem.Sdk.Apdu.DataAccessResult";

    /// <summary>The result of an ACTION on the server side.</summary>
    public const string ActionResult = "global::Cosem.Sdk.Apdu.ActionResult";

    /// <summary>The raw selector and parameters of a selective-access request.</summary>
    public const string SelectiveAccessDescriptor = "global::Cosem.Sdk.Apdu.SelectiveAccessDescriptor";

    /// <summary>System.Threading.CancellationToken.</summary>
    public const string CancellationToken = "global::System.Threading.CancellationToken";

    /// <summary>System.Threading.Tasks.ValueTask, also used open with a type argument appended.</summary>
    public const string ValueTask = "global::System.Threading.Tasks.ValueTask";

    /// <summary>Where the server dispatch writes encoded answers.</summary>
    public const string ByteBufferWriter = "global::System.Buffers.IBufferWriter<byte>";

    /// <summary>Encoded request values and octet-string attributes.</summary>
    public const string ReadOnlyBytes = "global::System.ReadOnlyMemory<byte>";

    /// <summary>The list type of arrays and of device and registry listings; a type argument in angle brackets follows.</summary>
    public const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";

    /// <summary>Null checks in generated public entry points.</summary>
    public const string ArgumentNullException = "global::System.ArgumentNullException";

    /// <summary>Marks flags enums.</summary>
    public const string FlagsAttribute = "global::System.Flags";

    /// <summary>Registers the generated classes when the assembly loads.</summary>
    public const string ModuleInitializerAttribute = "global::System.Runtime.CompilerServices.ModuleInitializer";

    /// <summary>A register value scaled by its scaler and unit; typed profile rows offer one per declared column.</summary>
    public const string Quantity = "global::Cosem.Sdk.Objects.Quantity";

    /// <summary>One capture object of a profile (class, logical name, attribute, data index).</summary>
    public const string CaptureObjectReference = "global::Cosem.Sdk.Objects.CaptureObjectReference";

    /// <summary>Streams typed rows while a profile's buffer arrives.</summary>
    public const string ProfileRowReader = "global::Cosem.Sdk.Objects.ProfileRowReader";

    /// <summary>A row type that decodes itself, which <see cref="ProfileRowReader"/> calls without a delegate; a type
    /// argument in angle brackets follows.</summary>
    public const string TypedProfileRow = "global::Cosem.Sdk.Objects.ITypedProfileRow";

    /// <summary>System.ReadOnlyMemory; a type argument in angle brackets follows (a batch of rows).</summary>
    public const string ReadOnlyMemory = "global::System.ReadOnlyMemory";

    /// <summary>A date-time as COSEM encodes it.</summary>
    public const string CosemDateTime = "global::Cosem.Sdk.Axdr.CosemDateTime";

    /// <summary>System.DateTimeOffset.</summary>
    public const string DateTimeOffset = "global::System.DateTimeOffset";

    /// <summary>The stream type of typed profile reads; a type argument in angle brackets follows.</summary>
    public const string AsyncEnumerable = "global::System.Collections.Generic.IAsyncEnumerable";

    /// <summary>Marks every generated type with the generator's name and version.</summary>
    public const string GeneratedCodeAttribute = "global::System.CodeDom.Compiler.GeneratedCode";
}
