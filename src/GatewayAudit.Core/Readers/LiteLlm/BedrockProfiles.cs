namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// Amazon Bedrock cross-Region (system-defined) inference profiles: a model id that starts with a geography
/// (<c>eu.anthropic.claude-...</c>, <c>us.</c>, <c>apac.</c>, <c>global.</c> ...) is routed by Bedrock from the source
/// Region (the one the request is sent to, aws_region_name) to any destination Region of that geography; a global
/// profile may use any commercial Region. Source: https://docs.aws.amazon.com/bedrock/latest/userguide/cross-region-inference.html
/// and the geographies of CrossRegionInferenceProfileRegion (GLOBAL, EU, US, US_GOV, APAC, JP, AU) in
/// https://docs.aws.amazon.com/cdk/api/v2/docs/@aws-cdk_aws-bedrock-alpha.CrossRegionInferenceProfileRegion.html (checked 2026-11-30).
/// </summary>
internal static class BedrockProfiles
{
    public const string Source = "https://docs.aws.amazon.com/bedrock/latest/userguide/cross-region-inference.html";

    // Profile id prefix → (region as policies compare it, where Bedrock may process the request).
    private static readonly (string Prefix, string Region, string Scope)[] Geographies =
    [
        ("us-gov.", "US-GOV", "any AWS GovCloud (US) Region of the profile"),
        ("us.", "US", "any US Region of the profile"),
        ("eu.", "EU", "any EU Region of the profile"),
        ("apac.", "APAC", "any Asia Pacific Region of the profile"),
        ("jp.", "JP", "any Japan Region of the profile"),
        ("au.", "AU", "any Australia Region of the profile"),
        ("global.", "global", "any commercial AWS Region worldwide"),
    ];

    /// <summary>
    /// The geography of a cross-Region inference profile named in a bedrock/ model (after any route segment such as
    /// converse/ or invoke/, or at the end of an inference-profile ARN); null for a model served in its own Region.
    /// </summary>
    public static (string Region, string Scope)? Of(string modelAfterPrefix)
    {
        var id = modelAfterPrefix[(modelAfterPrefix.LastIndexOf('/') + 1)..];
        foreach (var (prefix, region, scope) in Geographies)
        {
            if (id.StartsWith(prefix, StringComparison.Ordinal) && id.Length > prefix.Length)
            {
                return (region, scope);
            }
        }

        return null;
    }
}
