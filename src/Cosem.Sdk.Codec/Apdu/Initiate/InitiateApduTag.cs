namespace Cosem.Sdk.Apdu;

/// <summary>
/// Tags of the xDLMS initiate APDUs and their ciphered forms, carried in the user-information of AARQ/AARE
/// (IEC 62056-5-3 §8 "xDLMS-APDU" CHOICE). Kept apart from <see cref="ApduTag"/>, which lists the service APDUs.
/// </summary>
public static class InitiateApduTag
{
    /// <summary>initiateRequest [1].</summary>
    public const ApduTag InitiateRequest = (ApduTag)1;

    /// <summary>initiateResponse [8].</summary>
    public const ApduTag InitiateResponse = (ApduTag)8;

    /// <summary>confirmedServiceError [14], also <see cref="ApduTag.ConfirmedServiceError"/>.</summary>
    public const ApduTag ConfirmedServiceError = ApduTag.ConfirmedServiceError;

    /// <summary>glo-initiateRequest [33].</summary>
    public const ApduTag GloInitiateRequest = (ApduTag)33;

    /// <summary>glo-initiateResponse [40].</summary>
    public const ApduTag GloInitiateResponse = (ApduTag)40;

    /// <summary>ded-initiateRequest [65].</summary>
    public const ApduTag DedInitiateRequest = (ApduTag)65;

    /// <summary>ded-initiateResponse [72].</summary>
    public const ApduTag DedInitiateResponse = (ApduTag)72;

    /// <summary>Whether <paramref name="tag"/> is one of the ciphered APDUs that may travel in ACSE user-information:
    /// the glo-/ded- initiate request and response, and glo-/ded-confirmedServiceError.</summary>
    public static bool IsCipheredUserInformation(ApduTag tag) => tag is GloInitiateRequest or GloInitiateResponse
        or DedInitiateRequest or DedInitiateResponse or ApduTag.GloConfirmedServiceError or ApduTag.DedConfirmedServiceError;
}
