using Cosem.Sdk.Apdu;
using static Cosem.Sdk.Codec.Tests.Apdu.ApduRoundTrip;

namespace Cosem.Sdk.Codec.Tests.Apdu;

public class ExceptionApduTests
{
    [Fact]
    public void Exception_response_without_data()
    {
        // Own vector: service-not-allowed, service-not-supported.
        var apdu = Check<ExceptionResponse>("D8 01 02");
        Assert.Equal(ExceptionStateError.ServiceNotAllowed, apdu.StateError);
        Assert.Equal(ExceptionServiceError.ServiceNotSupported, apdu.ServiceError);
        Assert.Null(apdu.InvocationCounter);
    }

    [Fact]
    public void Exception_response_with_invocation_counter_error()
    {
        // Own vector: service-unknown, invocation-counter-error [6] carrying the expected counter 42.
        var apdu = Encodes(
            new ExceptionResponse(ExceptionStateError.ServiceUnknown, ExceptionServiceError.InvocationCounterError, 42),
            "D8 02 06 00 00 00 2A");
        Assert.Equal(42u, apdu.InvocationCounter);
    }

    [Fact]
    public void Invocation_counter_goes_with_its_error_only()
    {
        Assert.Throws<ArgumentException>(() => new ExceptionResponse(ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.OtherReason, 1));
        Assert.Throws<ArgumentException>(() => new ExceptionResponse(ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.InvocationCounterError));
    }

    [Theory]
    [InlineData("D8 01 00")]
    [InlineData("D8 01 07")]
    public void Unknown_service_error_is_refused(string hex)
    {
        var error = Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeXdlms(Hex(hex)));
        Assert.Equal(2, error.Offset);
        Assert.Equal("service-error", error.Field);
    }
}
