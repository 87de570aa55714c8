using Cosem.Sdk.Axdr;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Objects;

public partial class SecuritySetup
{
    /// <summary>Key and certificate management on a meter's Security setup, without building the structures by hand.</summary>
    public sealed partial class Proxy
    {
        /// <summary>
        /// key_transfer: wraps each key with the master key (RFC 3394) and sends them in one call. The meter
        /// switches to them after its response; reconnect (or continue) with the new keys afterwards.
        /// </summary>
        public ValueTask TransferKeysAsync(ReadOnlyMemory<byte> masterKey, IEnumerable<KeyValuePair<SecurityKeyId, ReadOnlyMemory<byte>>> newKeys,
            CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(newKeys);
            var items = newKeys.Select(k => new KeyTransferItem(k.Key, AesKeyWrap.Wrap(masterKey.Span, k.Value.Span))).ToArray();
            if (items.Length == 0)
            {
                throw new ArgumentException("Give at least one key to transfer.", nameof(newKeys));
            }
            return KeyTransferAsync(items, cancellationToken);
        }

        /// <summary>key_transfer of a single key.</summary>
        public ValueTask TransferKeyAsync(ReadOnlyMemory<byte> masterKey, SecurityKeyId keyId, ReadOnlyMemory<byte> newKey,
            CancellationToken cancellationToken = default) =>
            TransferKeysAsync(masterKey, [new(keyId, newKey)], cancellationToken);

        /// <summary>security_activate: the meter applies the (only ever stronger) policy after its response.</summary>
        public ValueTask ActivateSecurityPolicyAsync(SecurityPolicyFlags policy, CancellationToken cancellationToken = default) =>
            SecurityActivateAsync(policy, cancellationToken);

        /// <summary>
        /// key_agreement with the Ephemeral Unified Model C(2e, 0s): sends a signed ephemeral public key per key,
        /// verifies the meter's signed answers and returns the agreed keys (the meter uses them after its response).
        /// </summary>
        /// <param name="suite">Security suite 1 (P-256, 128-bit keys) or 2 (P-384, 256-bit keys); suite 0 has no key
        /// agreement.</param>
        /// <param name="clientSigningKey">The client's signing key (the meter knows its certificate).</param>
        /// <param name="serverSigningKey">The meter's public signing key (from its certificate).</param>
        /// <param name="clientSystemTitle">The client's system title, party U in the KDF's OtherInfo.</param>
        /// <param name="serverSystemTitle">The meter's system title, party V in the KDF's OtherInfo.</param>
        /// <param name="keyIds">The keys to agree (global unicast, global broadcast, authentication, master), one
        /// ephemeral key pair each.</param>
        /// <param name="cancellationToken">Cancels the ACTION.</param>
        /// <returns>The agreed key per key id; install them once the meter's response has arrived.</returns>
        /// <exception cref="CosemSecurityException">The meter's answer is malformed or a signature does not
        /// verify.</exception>
        public async ValueTask<IReadOnlyDictionary<SecurityKeyId, byte[]>> AgreeKeysAsync(SecuritySuite suite, EccKeyPair clientSigningKey,
            EccPublicKey serverSigningKey, SystemTitle clientSystemTitle, SystemTitle serverSystemTitle, IReadOnlyList<SecurityKeyId> keyIds,
            CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(clientSigningKey);
            ArgumentNullException.ThrowIfNull(serverSigningKey);
            ArgumentNullException.ThrowIfNull(keyIds);
            var curve = suite.Curve();
            var ephemerals = new Dictionary<SecurityKeyId, EccKeyPair>();
            var items = new List<KeyAgreementItem>();
            foreach (var keyId in keyIds)
            {
                var ephemeral = EccKeyPair.Generate(curve);
                ephemerals.Add(keyId, ephemeral);
                var publicKey = ephemeral.PublicKey.ToRaw();
                var signature = EcdsaSignature.Sign(clientSigningKey, KeyAgreementMessages.Signed(keyId, publicKey));
                items.Add(new KeyAgreementItem(keyId, (byte[])[.. publicKey, .. signature]));
            }
            var answer = await KeyAgreementAsync(items, cancellationToken).ConfigureAwait(false);
            if (answer.Type != DataType.Array || answer.Count != items.Count)
            {
                throw new CosemSecurityException(SecurityFailure.MalformedInput, "The key_agreement answer is not one entry per key.");
            }
            var agreed = new Dictionary<SecurityKeyId, byte[]>();
            foreach (var entry in answer.Items)
            {
                if (entry.Type != DataType.Structure || entry.Count != 2 || entry[0].Type != DataType.Enum || entry[1].Type != DataType.OctetString)
                {
                    throw new CosemSecurityException(SecurityFailure.MalformedInput, "A key_agreement answer entry is not {key_id, key_ciphered_data}.");
                }
                var keyId = (SecurityKeyId)entry[0].AsUInt64();
                var data = entry[1].AsBytes().Span;
                if (!ephemerals.TryGetValue(keyId, out var own) || agreed.ContainsKey(keyId) || data.Length != curve.PublicKeyLength() + curve.SignatureLength())
                {
                    throw new CosemSecurityException(SecurityFailure.MalformedInput, $"The key_agreement answer for key_id {(byte)keyId} is unexpected or malformed.");
                }
                var serverPublic = data[..curve.PublicKeyLength()];
                EcdsaSignature.EnsureValid(serverSigningKey, KeyAgreementMessages.Signed(keyId, serverPublic), data[curve.PublicKeyLength()..]);
                agreed.Add(keyId, EcdhKeyAgreement.DeriveStaticStatic(suite, own, EccPublicKey.FromRaw(curve, serverPublic),
                    KeyAgreementMessages.Algorithm(keyId, suite), clientSystemTitle.ToArray(), serverSystemTitle.ToArray()));
            }
            return agreed;
        }

        /// <summary>import_certificate of a parsed certificate.</summary>
        public ValueTask ImportCertificateAsync(CosemCertificate certificate, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(certificate);
            return ImportCertificateAsync(certificate.GetEncoded(), cancellationToken);
        }

        /// <summary>export_certificate by entity: the certificate of <paramref name="systemTitle"/> for the given use.</summary>
        public async ValueTask<CosemCertificate> ExportCertificateAsync(CertificateEntity entity, CertificateType type, SystemTitle systemTitle,
            CancellationToken cancellationToken = default) =>
            CosemCertificate.Parse((await ExportCertificateAsync(ByEntity(entity, type, systemTitle), cancellationToken).ConfigureAwait(false)).Span);

        /// <summary>export_certificate by serial number and issuer (the issuer as attribute 6 lists it).</summary>
        public async ValueTask<CosemCertificate> ExportCertificateAsync(ReadOnlyMemory<byte> serialNumber, ReadOnlyMemory<byte> issuer,
            CancellationToken cancellationToken = default) =>
            CosemCertificate.Parse((await ExportCertificateAsync(BySerial(serialNumber, issuer), cancellationToken).ConfigureAwait(false)).Span);

        /// <summary>remove_certificate by entity.</summary>
        public ValueTask RemoveCertificateAsync(CertificateEntity entity, CertificateType type, SystemTitle systemTitle,
            CancellationToken cancellationToken = default) =>
            RemoveCertificateAsync(ByEntity(entity, type, systemTitle), cancellationToken);

        /// <summary>generate_certificate_request, checked: the PKCS #10 request's self-signature is verified.</summary>
        public async ValueTask<(byte[] Request, EccPublicKey PublicKey)> RequestCertificateAsync(KeyPairType keyPair, CancellationToken cancellationToken = default)
        {
            var request = (await GenerateCertificateRequestAsync(keyPair, cancellationToken).ConfigureAwait(false)).ToArray();
            return (request, CosemCertificateRequest.ReadPublicKey(request));
        }

        /// <summary>certificate_identification by entity {certificate_entity, certificate_type, system_title}.</summary>
        public static CertificateIdentification ByEntity(CertificateEntity entity, CertificateType type, SystemTitle systemTitle) =>
            new(CertificateIdentificationType.ByEntity,
                CosemData.Structure(CosemData.Enum((byte)entity), CosemData.Enum((byte)type), CosemData.OctetString(systemTitle.ToArray())));

        /// <summary>certificate_identification by serial {serial_number, issuer}.</summary>
        public static CertificateIdentification BySerial(ReadOnlyMemory<byte> serialNumber, ReadOnlyMemory<byte> issuer) =>
            new(CertificateIdentificationType.BySerial, CosemData.Structure(CosemData.OctetString(serialNumber.Span), CosemData.OctetString(issuer.Span)));
    }
}
