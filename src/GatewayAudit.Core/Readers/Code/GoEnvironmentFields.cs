using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Go struct fields set from the environment, the way a config package loads them: a composite literal
/// <c>OpenAIBaseURL: os.Getenv("BASE_URL")</c>, an assignment <c>cfg.BaseURL = os.Getenv("BASE_URL")</c>, or a helper
/// that takes the variable and a default (<c>getEnv("BASE_URL", "https://...")</c>, any function whose name says env).
/// Another file reads the field (<c>clientConfig.BaseURL = conf.OpenAIBaseURL</c>); its reader leaves that site to the
/// stack assembly as an imported value of <see cref="Module"/>, and <c>Stacks/EnvironmentFieldJoin</c> finds the field
/// and the variable's value in the module's env file.
/// </summary>
internal static class GoEnvironmentFields
{
    /// <summary>The module an imported value names for an exported field of a struct held by another file.</summary>
    public const string Module = "go:field";

    public static void Add(InputFile file, LexicalSource source, CodeClients records, string module)
    {
        if (source.Language != LexicalLanguage.Go)
        {
            return;
        }

        for (var i = 2; i + 3 < source.Count; i++)
        {
            // Name: <read> (composite literal) or x.Name = <read> (assignment); the field is the token before the ':' or '='.
            var literal = source.IsPunct(i, ":") && source.IsIdentifier(i - 1) && !source.IsPunct(i - 2, ".");
            var assigned = source.IsPunct(i, "=") && !source.IsPunct(i + 1, "=") && source.IsIdentifier(i - 1) && source.IsPunct(i - 2, ".");
            if ((!literal && !assigned) || !char.IsUpper(source[i - 1].Text[0]) || Read(source, i + 1) is not var (variable, fallback))
            {
                continue;
            }

            var name = source[i - 1];
            records.EnvironmentFields.Add(new EnvironmentField(name.Text, module, "go", file.At(name.Line, name.Column), variable, fallback));
        }
    }

    /// <summary><c>os.Getenv("X")</c>, or <c>getEnv("X", "default")</c> (a function named for the environment), with the default when one is written.</summary>
    private static (string Variable, string? Default)? Read(LexicalSource source, int at)
    {
        var call = at;
        if (source.IsIdentifier(at) && source[at].Text == "os" && source.IsPunct(at + 1, "."))
        {
            call = at + 2;
        }

        if (!source.IsIdentifier(call) || !source.IsPunct(call + 1, "(") || source[call + 2].Kind != LexicalTokenKind.String)
        {
            return null;
        }

        var function = source[call].Text;
        if (call != at ? function is not ("Getenv" or "LookupEnv") : !function.Contains("env", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var fallback = call == at && source.IsPunct(call + 3, ",") && source[call + 4].Kind == LexicalTokenKind.String && source.IsPunct(call + 5, ")")
            ? source[call + 4].Text
            : null;
        return (source[call + 2].Text, fallback);
    }
}
