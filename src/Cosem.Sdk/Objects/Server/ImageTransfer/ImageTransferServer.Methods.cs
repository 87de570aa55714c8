using Cosem.Sdk.Apdu;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Objects;

public partial class ImageTransferServer
{
    /// <summary>image_transfer_initiate (method 1): starts a transfer of the given size, or keeps the blocks of the
    /// transfer under way when identifier and size are the same (resuming).</summary>
    protected override ValueTask ImageTransferInitiateAsync(ImageTransferInitiate parameter, RequestContext context, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            EnsureEnabled();
            if (parameter.ImageSize == 0 || parameter.ImageSize > MaxImageSize)
            {
                throw Refused(ActionResult.ScopeOfAccessViolated, $"An image has 1 to {MaxImageSize} bytes here; {parameter.ImageSize} were announced.");
            }
            var status = SettleLocked();
            var sameImage = parameter.ImageSize == (uint)_image.Length && parameter.ImageIdentifier.Span.SequenceEqual(_identifier);
            if (sameImage && status is ImageTransferStatus.ImageTransferInitiated or ImageTransferStatus.ImageVerificationFailed)
            {
                _status = ImageTransferStatus.ImageTransferInitiated;
                return default;
            }
            var blocks = (int)((parameter.ImageSize + (ulong)ImageBlockSize - 1) / ImageBlockSize);
            _identifier = parameter.ImageIdentifier.ToArray();
            _image = new byte[parameter.ImageSize];
            _received = new bool[blocks];
            _verified = null;
            _pending = false;
            _status = ImageTransferStatus.ImageTransferInitiated;
        }
        return default;
    }

    /// <summary>image_block_transfer (method 2): stores one block of the image under way.</summary>
    protected override ValueTask ImageBlockTransferAsync(ImageBlock parameter, RequestContext context, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            EnsureEnabled();
            if (SettleLocked() is not (ImageTransferStatus.ImageTransferInitiated or ImageTransferStatus.ImageVerificationFailed))
            {
                throw Refused(ActionResult.ScopeOfAccessViolated, "No image transfer is initiated: invoke image_transfer_initiate first.");
            }
            var number = parameter.ImageBlockNumber;
            if (number >= (uint)_received.Length)
            {
                throw Refused(ActionResult.ScopeOfAccessViolated, $"Block {number} is beyond the image's {_received.Length} blocks.");
            }
            var offset = (long)number * ImageBlockSize;
            var expected = (int)Math.Min(ImageBlockSize, _image.Length - offset);
            if (parameter.ImageBlockValue.Length != expected)
            {
                throw Refused(ActionResult.ScopeOfAccessViolated, $"Block {number} has {parameter.ImageBlockValue.Length} bytes; it must have {expected}.");
            }
            parameter.ImageBlockValue.Span.CopyTo(_image.AsSpan((int)offset));
            _received[number] = true;
            _status = ImageTransferStatus.ImageTransferInitiated;
        }
        return default;
    }

    /// <summary>image_verify (method 3): checks that every block arrived and that <see cref="Verifier"/> accepts the
    /// image; image_to_activate_info then lists it.</summary>
    protected override ValueTask ImageVerifyAsync(RequestContext context, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var status = SettleLocked();
            if (status == ImageTransferStatus.ImageTransferNotInitiated)
            {
                throw Refused(ActionResult.ScopeOfAccessViolated, "No image transfer is initiated.");
            }
            if (_pending)
            {
                throw Refused(ActionResult.TemporaryFailure, "The image is being verified or activated.");
            }
            if (status is ImageTransferStatus.ImageVerificationSuccessful or ImageTransferStatus.ImageActivationSuccessful)
            {
                return default;
            }
            var verified = VerifyLocked(out var reason);
            if (VerificationDelay > TimeSpan.Zero)
            {
                Defer(ImageTransferStatus.ImageVerificationInitiated, _status, VerificationDelay);
                throw Refused(ActionResult.TemporaryFailure, "Verification runs in the background; read image_transfer_status.");
            }
            if (!verified)
            {
                throw Refused(ActionResult.OtherReason, reason);
            }
        }
        return default;
    }

    /// <summary>image_activate (method 4): verifies first if needed, then hands the image to <see cref="Activating"/>.</summary>
    protected override async ValueTask ImageActivateAsync(RequestContext context, CancellationToken cancellationToken)
    {
        ImageActivation activation;
        lock (_lock)
        {
            var status = SettleLocked();
            if (status == ImageTransferStatus.ImageTransferNotInitiated)
            {
                throw Refused(ActionResult.ScopeOfAccessViolated, "No image transfer is initiated.");
            }
            if (_pending)
            {
                throw Refused(ActionResult.TemporaryFailure, "The image is being verified or activated.");
            }
            // Blue Book §4.4.6.4: activating an image not yet verified verifies it first.
            if (status is not (ImageTransferStatus.ImageVerificationSuccessful or ImageTransferStatus.ImageActivationSuccessful
                or ImageTransferStatus.ImageActivationFailed) && !VerifyLocked(out var reason))
            {
                throw Refused(ActionResult.OtherReason, reason);
            }
            var info = _verified!.Value;
            activation = new ImageActivation(_identifier, _image, info.ImageToActivateSignature);
            _status = ImageTransferStatus.ImageActivationInitiated;
        }

        var succeeded = true;
        try
        {
            if (Activating is { } activating)
            {
                await activating(activation, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            succeeded = false;
        }
        lock (_lock)
        {
            _status = succeeded ? ImageTransferStatus.ImageActivationSuccessful : ImageTransferStatus.ImageActivationFailed;
            if (succeeded)
            {
                ActiveImage = activation;
            }
            if (ActivationDelay > TimeSpan.Zero)
            {
                Defer(ImageTransferStatus.ImageActivationInitiated, _status, ActivationDelay);
                throw Refused(ActionResult.TemporaryFailure, "Activation runs in the background; read image_transfer_status.");
            }
        }
        if (!succeeded)
        {
            throw Refused(ActionResult.OtherReason, "The image could not be activated.");
        }
    }

    private bool VerifyLocked(out string reason)
    {
        var missing = Array.IndexOf(_received, false);
        ReadOnlyMemory<byte>? signature = null;
        if (missing >= 0)
        {
            reason = $"Block {missing} of {_received.Length} has not been transferred.";
        }
        else if ((signature = Verifier(_image)) is null)
        {
            reason = "The image does not verify.";
        }
        else
        {
            reason = string.Empty;
        }
        _verified = signature is { } value ? new ImageToActivateInfo((uint)_image.Length, _identifier, value.ToArray()) : null;
        _status = signature is null ? ImageTransferStatus.ImageVerificationFailed : ImageTransferStatus.ImageVerificationSuccessful;
        return signature is not null;
    }

    private void Defer(ImageTransferStatus meanwhile, ImageTransferStatus outcome, TimeSpan delay)
    {
        _pendingStatus = outcome;
        _pendingUntil = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
        _pending = true;
        _status = meanwhile;
    }

    private void EnsureEnabled()
    {
        if (!ImageTransferEnabled)
        {
            throw Refused(ActionResult.ObjectUnavailable, "Image transfer is disabled (image_transfer_enabled is false).");
        }
    }

    private static CosemServiceException Refused(ActionResult result, string message) => new(result, message);
}
