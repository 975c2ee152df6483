using GatewayAudit.Core.Readers.Deployment;

namespace GatewayAudit.Core.Tests.Readers;

public sealed class DeploymentVersionTests
{
    private const string Digest = "sha256:0c3f4b5e8a9d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012";

    [Theory]
    [InlineData("ghcr.io/berriai/litellm:main-v1.74.3-stable", "main-v1.74.3-stable", true, "stable")]
    [InlineData("ghcr.io/berriai/litellm:v1.74.3-stable.patch.1", "v1.74.3-stable.patch.1", true, "stable")]
    [InlineData("litellm/litellm:1.74.3", "1.74.3", true, "stable")]
    [InlineData("ghcr.io/berriai/litellm:1.74.3.dev1", "1.74.3.dev1", true, "dev")]
    [InlineData("ghcr.io/berriai/litellm:main-v1.75.0-rc.1", "main-v1.75.0-rc.1", true, "dev")]
    [InlineData("ghcr.io/berriai/litellm:main-1a2b3c4", "main-1a2b3c4", true, "dev")]
    [InlineData("ghcr.io/berriai/litellm:v1.74.3-nightly", "v1.74.3-nightly", true, "nightly")]
    [InlineData("ghcr.io/berriai/litellm:main-v1.74.3-nightly", "main-v1.74.3-nightly", true, "nightly")]
    // From 1.84.0 (docs.litellm.ai/docs/proxy/release_cycle): bare X.Y.Z and vX.Y.Z tags are stable releases,
    // -rc.N release candidates and -dev.N nightly builds are pre-releases; the -stable / -nightly suffixes are gone.
    [InlineData("ghcr.io/berriai/litellm:1.84.0", "1.84.0", true, "stable")]
    [InlineData("ghcr.io/berriai/litellm:v1.84.0", "v1.84.0", true, "stable")]
    [InlineData("docker.litellm.ai/berriai/litellm-database:v1.84.1", "v1.84.1", true, "stable")]
    [InlineData("ghcr.io/berriai/litellm:1.84.0-rc.1", "1.84.0-rc.1", true, "dev")]
    [InlineData("ghcr.io/berriai/litellm:v1.84.0-rc.2", "v1.84.0-rc.2", true, "dev")]
    [InlineData("ghcr.io/berriai/litellm:1.84.0-dev.2", "1.84.0-dev.2", true, "dev")]
    [InlineData("ghcr.io/berriai/litellm:v1.85.0-dev.11", "v1.85.0-dev.11", true, "dev")]
    // Before 1.84.0: -stable (and its -stable.N patch builds) stable, -nightly nightly, .rc a release candidate.
    [InlineData("ghcr.io/berriai/litellm:v1.83.0-stable", "v1.83.0-stable", true, "stable")]
    [InlineData("docker.litellm.ai/berriai/litellm:v1.80.15-stable.1", "v1.80.15-stable.1", true, "stable")]
    [InlineData("ghcr.io/berriai/litellm:v1.72.0.rc", "v1.72.0.rc", true, "dev")]
    [InlineData("ghcr.io/berriai/litellm:v1.83.0-nightly", "v1.83.0-nightly", true, "nightly")]
    [InlineData("ghcr.io/berriai/litellm:main-latest", "main-latest", false, "floating")]
    [InlineData("ghcr.io/berriai/litellm:latest", "latest", false, "floating")]
    [InlineData("ghcr.io/berriai/litellm:main-stable", "main-stable", false, "floating")]
    [InlineData("docker.litellm.ai/berriai/litellm-database:main-latest", "main-latest", false, "floating")]
    [InlineData("ghcr.io/berriai/litellm", null, false, "floating")]
    [InlineData("localhost:5000/berriai/litellm", null, false, "floating")]
    [InlineData("ghcr.io/berriai/litellm@" + Digest, Digest, true, null)]
    [InlineData("ghcr.io/berriai/litellm:main-v1.74.3-stable@" + Digest, "main-v1.74.3-stable", true, "stable")]
    [InlineData("ghcr.io/berriai/litellm:main-latest@" + Digest, "main-latest", true, null)]
    public void Image_tag_gives_version_pin_and_channel(string imageText, string? version, bool pinned, string? channel)
    {
        var image = ImageReference.Parse(imageText);

        Assert.NotNull(image);
        Assert.True(image.IsLiteLlm);
        Assert.Equal(new LiteLlmVersion(version, pinned, channel), LiteLlmVersion.FromImage(image));
        Assert.Equal(imageText, image.ToString());
    }

    [Theory]
    [InlineData("==1.74.3", "1.74.3", true, "stable")]
    [InlineData("===1.74.3", "1.74.3", true, "stable")]
    [InlineData("== 1.74.3", "1.74.3", true, "stable")]
    [InlineData("==1.74.3.dev1", "1.74.3.dev1", true, "dev")]
    [InlineData("==1.74.3rc1", "1.74.3rc1", true, "dev")]
    [InlineData("==1.84.0", "1.84.0", true, "stable")]
    [InlineData("==1.84.0.dev1", "1.84.0.dev1", true, "dev")]
    [InlineData("==1.84.0rc1", "1.84.0rc1", true, "dev")]
    [InlineData("@ git+https://github.com/BerriAI/litellm@v1.84.0", "git+https://github.com/BerriAI/litellm@v1.84.0", true, "stable")]
    [InlineData("@ git+https://github.com/BerriAI/litellm@v1.84.0-dev.3", "git+https://github.com/BerriAI/litellm@v1.84.0-dev.3", true, "dev")]
    [InlineData("==1.74.*", "==1.74.*", false, "floating")]
    [InlineData(">=1.70", ">=1.70", false, "floating")]
    [InlineData(">=1.70,<2", ">=1.70,<2", false, "floating")]
    [InlineData("~=1.74.3", "~=1.74.3", false, "floating")]
    [InlineData("", null, false, "floating")]
    [InlineData(null, null, false, "floating")]
    [InlineData("@ git+https://github.com/BerriAI/litellm@v1.74.3-nightly", "git+https://github.com/BerriAI/litellm@v1.74.3-nightly", true, "nightly")]
    [InlineData("@ git+https://github.com/BerriAI/litellm", "git+https://github.com/BerriAI/litellm", false, "floating")]
    public void Pip_specifier_gives_version_pin_and_channel(string? specifier, string? version, bool pinned, string? channel) =>
        Assert.Equal(new LiteLlmVersion(version, pinned, channel), LiteLlmVersion.FromPipSpecifier(specifier));

    [Theory]
    [InlineData("ghcr.io/berriai/litellm:main-latest", "ghcr.io/berriai/litellm", "main-latest", null, true)]
    [InlineData("postgres:16", "postgres", "16", null, false)]
    [InlineData("registry.local:5000/team/litellm-custom:2.0@sha256:abc", "registry.local:5000/team/litellm-custom", "2.0", "sha256:abc", true)]
    [InlineData("\"redis:7-alpine\"", "redis", "7-alpine", null, false)]
    public void Image_reference_splits_repository_tag_and_digest(string text, string repository, string? tag, string? digest, bool litellm)
    {
        var image = ImageReference.Parse(text);

        Assert.Equal(new ImageReference(repository, tag, digest), image);
        Assert.Equal(litellm, image!.IsLiteLlm);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("two words", null)]
    public void Image_reference_refuses_what_is_not_one(string text, ImageReference? expected) => Assert.Equal(expected, ImageReference.Parse(text));

    [Theory]
    [InlineData("litellm==1.74.3", "litellm", "", "==1.74.3", true)]
    [InlineData("litellm[proxy]>=1.70 ; python_version >= '3.9'", "litellm", "[proxy]", ">=1.70", true)]
    [InlineData("LiteLLM", "LiteLLM", "", "", true)]
    [InlineData("litellm-proxy-extras==0.2.1", "litellm-proxy-extras", "", "==0.2.1", false)]
    [InlineData("litellm @ git+https://github.com/BerriAI/litellm@main", "litellm", "", "@ git+https://github.com/BerriAI/litellm@main", true)]
    public void Pip_requirement_parses_name_extras_and_specifier(string text, string name, string extras, string specifier, bool litellm)
    {
        var requirement = PipRequirement.Parse(text);

        Assert.NotNull(requirement);
        Assert.Equal((name, extras, specifier, litellm), (requirement.Name, requirement.Extras, requirement.Specifier, requirement.IsLiteLlm));
    }

    [Theory]
    [InlineData("-r base.txt")]
    [InlineData("--index-url https://example.invalid/simple")]
    [InlineData("")]
    public void Pip_requirement_ignores_options_and_blank_lines(string text) => Assert.Null(PipRequirement.Parse(text));
}
