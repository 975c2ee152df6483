using System.Text.RegularExpressions;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// A LiteLLM version as a deployment file states it, and what that says for a policy: whether it is pinned and
/// which release line it follows. LiteLLM's release cycle (docs/my-website/docs/proxy/release_cycle.md,
/// docs.litellm.ai/docs/proxy/release_cycle) has two tag conventions, both judged here:
/// from 1.84.0 a stable release is a bare <c>1.84.0</c> (Docker also <c>v1.84.0</c>, PyPI never the v), pre-releases
/// are <c>-rc.N</c> (PyPI <c>1.84.0rcN</c>) and <c>-dev.N</c> nightly builds (PyPI <c>1.84.0.devN</c>); before it,
/// <c>v1.x.y-stable</c> (and <c>-stable.N</c> patch builds, <c>main-v1.x.y-stable</c>), <c>v1.x.y-nightly</c> and
/// <c>v1.x.y.rc</c>. Channels: <c>stable</c> (a full version with no pre-release marker), <c>dev</c> (dev and rc
/// pre-releases, main-branch commit builds), <c>nightly</c> (the old <c>-nightly</c> tags), and <c>floating</c>
/// (latest, main-latest, main-stable, no tag, version ranges): each pull or install can bring another version. Version is the text as written, null when nothing is written; Channel is null when it cannot be told
/// (an image pinned by digest alone).
/// </summary>
public sealed partial record LiteLlmVersion(string? Version, bool Pinned, string? Channel)
{
    public const string Stable = "stable";
    public const string Dev = "dev";
    public const string Nightly = "nightly";
    public const string Floating = "floating";

    /// <summary>From a container image's tag and digest. A digest pins the image whatever its tag says.</summary>
    public static LiteLlmVersion FromImage(ImageReference image)
    {
        if (image.Tag is null)
        {
            return image.Digest is null ? new(null, false, Floating) : new(image.Digest, true, null);
        }

        var (pinned, channel) = ClassifyTag(image.Tag);
        if (image.Digest is null)
        {
            return new(image.Tag, pinned, channel);
        }

        // main-latest@sha256:... is one fixed build; its tag no longer says which release line, only that it was main.
        return new(image.Tag, true, channel == Floating ? null : channel);
    }

    /// <summary>
    /// From a pip requirement's version part as written ("==1.74.3", ">=1.70,&lt;2", "~=1.74", "" or null, or a direct
    /// reference "@ git+https://...@v1.74.3"). Only == / === with a full version and no wildcard pins.
    /// </summary>
    public static LiteLlmVersion FromPipSpecifier(string? specifier)
    {
        var text = specifier?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new(null, false, Floating);
        }

        var exact = ExactPipRegex().Match(text);
        if (exact.Success)
        {
            var version = exact.Groups["version"].Value;
            var (pinned, channel) = ClassifyTag(version);
            return new(version, pinned, channel);
        }

        if (text.StartsWith('@'))
        {
            // A VCS reference pins only when it names a commit or a version tag.
            var at = text.LastIndexOf('@');
            var reference = at > 0 ? text[(at + 1)..] : "";
            var (pinned, channel) = reference.Length > 0 ? ClassifyTag(reference) : (false, Floating);
            return new(text.TrimStart('@').Trim(), pinned, channel);
        }

        return new(text, false, Floating);
    }

    /// <summary>How a single tag or version string reads: pinned or floating, and its release line.</summary>
    public static (bool Pinned, string Channel) ClassifyTag(string tag)
    {
        var text = tag.Trim().ToLowerInvariant();
        if (CommitRegex().IsMatch(text))
        {
            return (true, Dev);
        }

        if (!FullVersionRegex().IsMatch(text) || text.Contains('*', StringComparison.Ordinal))
        {
            return (false, Floating);
        }

        if (text.Contains("nightly", StringComparison.Ordinal))
        {
            return (true, Nightly);
        }

        return (true, PreReleaseRegex().IsMatch(text) ? Dev : Stable);
    }

    [GeneratedRegex(@"^===?\s*(?<version>[A-Za-z0-9][A-Za-z0-9._+!-]*)$")]
    private static partial Regex ExactPipRegex();

    [GeneratedRegex(@"\d+\.\d+\.\d+")]
    private static partial Regex FullVersionRegex();

    // 1.74.3.dev1, 1.84.0-dev.2, 1.74.3rc1, 1.74.3-rc.1, v1.72.0.rc, 1.74.3a1, 1.74.3b2, 1.74.3.pre ...
    [GeneratedRegex(@"\d+\.\d+\.\d+([.-]?dev[.\d]*|[.-]?rc[.\d]*|a\d+|b\d+|[.-]?alpha|[.-]?beta|[.-]?pre)")]
    private static partial Regex PreReleaseRegex();

    // main-1a2b3c4 or a bare commit hash: one build of the main branch.
    [GeneratedRegex(@"^(main-)?(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,40}$")]
    private static partial Regex CommitRegex();
}

/// <summary>A container image reference split into repository, tag and digest ("ghcr.io/berriai/litellm:main-latest").</summary>
public sealed record ImageReference(string Repository, string? Tag, string? Digest)
{
    /// <summary>Parses an image reference; null for an empty text or one with spaces.</summary>
    public static ImageReference? Parse(string text)
    {
        var value = text.Trim().Trim('"', '\'');
        if (value.Length == 0 || value.Any(char.IsWhiteSpace))
        {
            return null;
        }

        string? digest = null;
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = value[(at + 1)..];
            value = value[..at];
        }

        string? tag = null;
        var colon = value.LastIndexOf(':');
        if (colon > value.LastIndexOf('/'))
        {
            tag = value[(colon + 1)..];
            value = value[..colon];
        }

        return new ImageReference(value, string.IsNullOrEmpty(tag) ? null : tag, string.IsNullOrEmpty(digest) ? null : digest);
    }

    /// <summary>True for LiteLLM's images under any registry (ghcr.io/berriai/litellm, litellm/litellm, berriai/litellm-database ...).</summary>
    public bool IsLiteLlm => Repository.Contains("litellm", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when the tag is a LiteLLM release tag: the image is LiteLLM's own (a last segment <c>litellm</c>, or
    /// <c>litellm-database</c> / <c>litellm-non_root</c> ... under berriai or litellm). A team image that merely
    /// has litellm in its name (litellm-proxy-headroom-app:latest) is built on LiteLLM, but its tag is the team's.
    /// </summary>
    public bool IsLiteLlmRelease
    {
        get
        {
            var segments = Repository.ToLowerInvariant().Split('/');
            var last = segments[^1];
            return last == "litellm"
                || (last.StartsWith("litellm-", StringComparison.Ordinal) && segments[..^1].Any(s => s is "berriai" or "litellm"));
        }
    }

    public override string ToString() => Repository + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);
}
