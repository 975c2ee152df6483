using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers;

/// <summary>
/// Tells from a URL or host name whether an endpoint is on the operator's own network (loopback, private
/// ranges, cluster-internal names) or somewhere public. Public hosts are matched to vendors by the catalog.
/// </summary>
public static partial class HostClassifier
{
    /// <summary>The host of a URL-ish text ("https://x.y/v1", "redis://:pw@h:6379", "h:5432"), lower-cased; null if none.</summary>
    public static string? HostOf(string? urlOrHost)
    {
        if (string.IsNullOrWhiteSpace(urlOrHost))
        {
            return null;
        }

        // Deploy-time placeholders (${POSTGRES_PASSWORD:?set it}) stand for one word; they must not break the parse.
        var text = PlaceholderRegex().Replace(urlOrHost.Trim(), "x");
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host) && text.Contains("://", StringComparison.Ordinal))
        {
            return uri.Host.Trim('[', ']').ToLowerInvariant();
        }

        // Bare "host" or "host:port".
        var host = text.Split('/')[0];
        var at = host.LastIndexOf('@');
        if (at >= 0)
        {
            host = host[(at + 1)..];
        }

        var colon = host.LastIndexOf(':');
        if (colon > 0 && !host.Contains(']', StringComparison.Ordinal) && host.Count(c => c == ':') == 1)
        {
            host = host[..colon];
        }

        return host.Length == 0 || host.Any(char.IsWhiteSpace) ? null : host.Trim('[', ']').ToLowerInvariant();
    }

    /// <summary>The AWS region an AWS service host names (x.eu-central-1.rds.amazonaws.com, bedrock-runtime.us-east-1.amazonaws.com).</summary>
    public static string? AwsRegionOf(string host)
    {
        if (!host.EndsWith(".amazonaws.com", StringComparison.Ordinal))
        {
            return null;
        }

        return host.Split('.').FirstOrDefault(p => AwsRegion().IsMatch(p));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(us|eu|ap|ca|sa|me|af|il|mx)(-gov)?-(north|south|east|west|central|northeast|southeast|northwest|southwest)-\d$")]
    private static partial System.Text.RegularExpressions.Regex AwsRegion();

    public static bool IsOperatorNetwork(string host)
    {
        if (host is "localhost" or "host.docker.internal" || host.EndsWith(".localhost", StringComparison.Ordinal))
        {
            return true;
        }

        if (IPAddress.TryParse(host, out var ip))
        {
            if (IPAddress.IsLoopback(ip))
            {
                return true;
            }

            if (ip.AddressFamily == AddressFamily.InterNetwork)
            {
                var b = ip.GetAddressBytes();
                return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168);
            }

            return ip.IsIPv6UniqueLocal || ip.IsIPv6LinkLocal;
        }

        // A name without dots is a container or service name resolved inside the operator's network.
        return !host.Contains('.', StringComparison.Ordinal)
            || host.EndsWith(".svc", StringComparison.Ordinal)
            || host.EndsWith(".svc.cluster.local", StringComparison.Ordinal)
            || host.EndsWith(".cluster.local", StringComparison.Ordinal)
            || host.EndsWith(".internal", StringComparison.Ordinal)
            || host.EndsWith(".local", StringComparison.Ordinal)
            || host.EndsWith(".lan", StringComparison.Ordinal)
            || host.EndsWith(".home.arpa", StringComparison.Ordinal);
    }

    /// <summary>
    /// Decides a component's hosting from a connection URL or host: the operator's network, or unknown (the catalog
    /// matches public hosts to vendors later). Null means the address comes from the environment; "what" names it in the note.
    /// </summary>
    /// <param name="at">Where the address was read; when given, a region the host names (AWS) is recorded there.</param>
    public static void Classify(Component component, string? urlOrHost, string what, SourceLocation? at = null)
    {
        var host = HostOf(urlOrHost);
        if (host is null)
        {
            component.Hosting = Hosting.Unknown;
            component.Notes.Add($"The {what} address comes from the environment; where it runs is not in the config.");
            return;
        }

        component.Attributes.Set("host", host);
        component.Hosting = IsOperatorNetwork(host) ? Hosting.OperatorHosted : Hosting.Unknown;
        if (component.Region is null && at is not null && AwsRegionOf(host) is { } region)
        {
            // AWS endpoints name their region (db.abc.eu-central-1.rds.amazonaws.com).
            component.Region = new Sourced<string>(region, at);
        }
    }

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex PlaceholderRegex();
}
