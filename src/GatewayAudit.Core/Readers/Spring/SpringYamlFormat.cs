using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Spring;

/// <summary>
/// <c>application.yml</c> / <c>bootstrap.yml</c>: every scalar of every document as a dotted property. Spring reads a
/// nested key and a dotted key alike (<c>spring: ai: openai: base-url:</c> is <c>spring.ai.openai.base-url</c>), and
/// several documents (<c>---</c>) as one set of properties, except that a document activated on a profile
/// (<c>spring.config.activate.on-profile: qwen</c>, or Spring Boot 2.3's <c>spring.profiles: qwen</c>) applies only
/// where that profile is active, like an <c>application-qwen.yml</c> file: its properties carry the profile
/// ("Activation Properties" and "Working With Multi-Document Files",
/// https://docs.spring.io/spring-boot/reference/features/external-config.html, read 2026-12-01).
/// </summary>
internal static class SpringYamlFormat
{
    private const int MaxDepth = 24;

    private const string ActivateOnProfile = "spring.config.activate.onprofile";

    private const string LegacyProfiles = "spring.profiles";

    public static List<SpringProperty> Properties(IEnumerable<YamlDocument> documents)
    {
        var found = new List<SpringProperty>();
        foreach (var document in documents)
        {
            if (document.Root is { } root)
            {
                var own = new List<SpringProperty>();
                Walk(root, "", own, 0);
                var profile = own.FirstOrDefault(p => p.Key is ActivateOnProfile or LegacyProfiles && !p.Value.IsNull)?.Value.Value.Trim();
                found.AddRange(profile is { Length: > 0 } ? own.Select(p => p with { Profile = profile }) : own);
            }
        }

        return found;
    }

    private static void Walk(YamlNode node, string path, List<SpringProperty> found, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case YamlMapping mapping:
                foreach (var (key, value) in mapping.Entries)
                {
                    Walk(value, path.Length == 0 ? key.Value : $"{path}.{key.Value}", found, depth + 1);
                }

                break;
            case YamlSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    Walk(sequence.Items[i], $"{path}[{i}]", found, depth + 1);
                }

                break;
            case YamlScalar scalar when path.Length > 0:
                found.Add(new SpringProperty(SpringProperty.Canonical(path), path, scalar));
                break;
        }
    }
}
