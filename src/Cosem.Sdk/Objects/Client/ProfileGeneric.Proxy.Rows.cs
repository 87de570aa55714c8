using System.Runtime.CompilerServices;
using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Objects;

// Rows of any profile without a device profile: capture_objects read once per proxy, one cached decoder per shape.
public partial class ProfileGeneric
{
    public partial class Proxy
    {
        private ProfileShape? _shape;

        /// <summary>
        /// Streams the buffer's rows (all, or those <paramref name="access"/> selects) as <see cref="ProfileRow"/>s with
        /// typed accessors per column. capture_objects is read on the first call only and its decoder is shared by
        /// every profile with the same capture list.
        /// </summary>
        /// <remarks>The association is busy until the loop ends; breaking out or cancelling stops the transfer.</remarks>
        public async IAsyncEnumerable<ProfileRow> ReadRowsAsync(SelectiveAccessDescriptor? access = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var shape = _shape ??= ProfileShape.For(await GetCaptureObjectsAsync(cancellationToken).ConfigureAwait(false));
            await foreach (var row in ProfileRowReader.ReadAsync(Session, Attribute(2), access, shape.Decode, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }
}
