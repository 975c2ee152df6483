using GatewayAudit.Core.Dpa;

namespace GatewayAudit.Core.Tests.Dpa;

/// <summary>How a DPA's wording of a party is matched against the names a scan knows.</summary>
public sealed class PartyNamesTests
{
    private static PartyNames Names()
    {
        var names = new PartyNames();
        names.Add("openai", ["openai", "OpenAI", "OpenAI, L.L.C.", "api.openai.com"]);
        names.Add("azure-openai", ["azure-openai", "Azure OpenAI", "*.openai.azure.com".TrimStart('*', '.')]);
        names.Add("aws-bedrock", ["aws-bedrock", "Amazon Bedrock", "Amazon Web Services EMEA SARL"]);
        names.Add("aws-s3", ["aws-s3", "Amazon S3", "Amazon Web Services EMEA SARL"]);
        names.Add("together", ["together-ai", "Together AI"]);
        names.Add("ai-only", ["AI"]);
        return names;
    }

    [Theory]
    [InlineData("OpenAI", "openai")]
    [InlineData("Open AI", "openai")]
    [InlineData("OPENAI LLC", "openai")]
    [InlineData("OpenAI Ireland Ltd, 1st Floor, Dublin", "openai")]
    [InlineData("https://api.openai.com/v1", "openai")]
    [InlineData("Microsoft Azure OpenAI Service", "azure-openai")]
    [InlineData("Amazon Web Services EMEA S.à r.l.", "aws-bedrock,aws-s3")]
    [InlineData("Amazon Bedrock (eu-central-1)", "aws-bedrock")]
    [InlineData("together-ai", "together")]
    [InlineData("We work together with partners", "")]
    [InlineData("Acme AI Ltd", "")]
    [InlineData("OpenAIX Corp", "")]
    [InlineData("", "")]
    public void Matches_the_way_annexes_write_names(string text, string expected)
    {
        Assert.Equal(expected, string.Join(",", Names().Match(text)));
    }

    [Fact]
    public void Words_fold_case_accents_and_punctuation()
    {
        Assert.Equal(["societe", "generale", "s", "a"], PartyNames.Words("Société Générale S.A."));
    }
}
