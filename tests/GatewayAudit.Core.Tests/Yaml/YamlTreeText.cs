using System.Text;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Tests.Yaml;

/// <summary>A YAML tree as text, to compare two loaders' trees node by node.</summary>
internal static class YamlTreeText
{
    /// <summary>Every node with its kind, position, value, quoting and tag, in document order.</summary>
    public static string Of(YamlNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();

        static void Write(YamlNode? node, StringBuilder text)
        {
            switch (node)
            {
                case null:
                    text.Append("(none)");
                    break;
                case YamlScalar s:
                    text.Append($"S{s.Line}:{s.Column}:{(s.Quoted ? "q" : "p")}:{s.Tag}:[{s.Value}] ");
                    break;
                case YamlSequence q:
                    text.Append($"L{q.Line}:{q.Column}( ");
                    foreach (var item in q.Items)
                    {
                        Write(item, text);
                    }

                    text.Append(") ");
                    break;
                case YamlMapping m:
                    text.Append($"M{m.Line}:{m.Column}{{ ");
                    foreach (var (key, value) in m.Entries)
                    {
                        Write(key, text);
                        text.Append("=> ");
                        Write(value, text);
                    }

                    text.Append("} ");
                    break;
            }
        }
    }
}
