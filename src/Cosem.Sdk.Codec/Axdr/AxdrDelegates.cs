namespace Cosem.Sdk.Axdr;

/// <summary>Reads one value of <typeparamref name="T"/>; generated code and typed attribute access use these.</summary>
public delegate T AxdrDecoder<T>(ref AxdrReader reader);

/// <summary>Writes one value of <typeparamref name="T"/>.</summary>
public delegate void AxdrEncoder<T>(ref AxdrWriter writer, T value);
