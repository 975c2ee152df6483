using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Readers.Spring;

/// <summary>
/// Spring AI model starters in a build file (<c>pom.xml</c>, <c>build.gradle</c>, <c>build.gradle.kts</c>): a dependency on
/// a model's starter, auto-configuration or model module makes that provider a possible party, with the confidence of an
/// SDK only imported (<c>import-only</c>), as a Python import is: the starter builds the client from
/// <c>spring.ai.&lt;provider&gt;.*</c> properties, which <see cref="SpringConfigReader"/> reads and which decide the address
/// (its client record lets the stack assembly drop this row where every such client is pointed elsewhere). A dependency in
/// a comment is none. Found in the fifth held-out code run (bench/CODE-CORPUS.md, spring-ai-code: the DeepSeek starter
/// named no party while its application.yml could not be read).
/// Artifact names from Spring AI's own build and docs (github.com/spring-projects/spring-ai,
/// <c>spring-ai-spring-boot-starters/spring-ai-starter-model-*</c>; deepseek-chat.adoc, which renamed
/// <c>spring-ai-deepseek-spring-boot-starter</c> to <c>spring-ai-starter-model-deepseek</c> for 1.0; read 2026-12-01): 1.0
/// starters <c>spring-ai-starter-model-P</c>, milestone starters <c>spring-ai-P-spring-boot-starter</c>, auto-configuration
/// <c>spring-ai-autoconfigure-model-P</c> and the model module <c>spring-ai-P</c>.
/// <para>
/// LangChain4j's model integrations are read the same way, with the same party keys: <c>dev.langchain4j:langchain4j-P</c>
/// and its Spring Boot starter <c>langchain4j-P-spring-boot-starter</c>; the client is built in Java code
/// (<c>OpenAiChatModel.builder().baseUrl(...)</c>) or from <c>langchain4j.P.*</c> properties, which decide the address.
/// Artifact names from LangChain4j's own published POMs on Maven Central (central.sonatype.com/artifact/dev.langchain4j:
/// "LangChain4j :: Integration :: OpenAI" is <c>langchain4j-open-ai</c>, also <c>-open-ai-official</c>, <c>-azure-open-ai</c>,
/// <c>-anthropic</c>, <c>-ollama</c>, <c>-google-ai-gemini</c>, <c>-vertex-ai-gemini</c>, <c>-mistral-ai</c>, <c>-bedrock</c>,
/// each with a <c>-spring-boot-starter</c>; read 2026-12-01). Found missing in the fifth held-out code run (spring-ai-code's
/// LangChain4j OpenAI starter).
/// </para>
/// </summary>
public sealed partial class SpringAiStarterReader : IConfigReader
{
    /// <summary>Spring AI's name of a model (the P of its artifacts), the key the code readers resolve parties by, and its name.</summary>
    private static readonly IReadOnlyDictionary<string, (string Key, string Name)> Models = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["openai"] = ("openai", "OpenAI"),
        ["azure-openai"] = ("azure", "Azure OpenAI"),
        ["anthropic"] = ("anthropic", "Anthropic"),
        ["ollama"] = ("ollama", "Ollama"),
        ["vertex-ai-gemini"] = ("vertex_ai", "Vertex AI Gemini"),
        ["bedrock-converse"] = ("bedrock", "Amazon Bedrock Converse"),
        ["bedrock"] = ("bedrock", "Amazon Bedrock"),
        ["bedrock-ai"] = ("bedrock", "Amazon Bedrock"),
        ["mistral-ai"] = ("mistral", "Mistral AI"),
        ["deepseek"] = ("deepseek", "DeepSeek"),
        ["google-genai"] = ("gemini", "Google GenAI"),
        ["huggingface"] = ("huggingface", "Hugging Face"),
    };

    /// <summary>LangChain4j's name of a model integration (the P of <c>langchain4j-P</c>), with the same keys as <see cref="Models"/>.</summary>
    private static readonly IReadOnlyDictionary<string, (string Key, string Name)> LangChain4jModels = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["open-ai"] = ("openai", "OpenAI"),
        ["open-ai-official"] = ("openai", "OpenAI"),
        ["azure-open-ai"] = ("azure", "Azure OpenAI"),
        ["anthropic"] = ("anthropic", "Anthropic"),
        ["ollama"] = ("ollama", "Ollama"),
        ["google-ai-gemini"] = ("gemini", "Google AI Gemini"),
        ["vertex-ai-gemini"] = ("vertex_ai", "Vertex AI Gemini"),
        ["mistral-ai"] = ("mistral", "Mistral AI"),
        ["bedrock"] = ("bedrock", "Amazon Bedrock"),
    };

    private static readonly string[] Prefixes = ["spring-ai-starter-model-", "spring-ai-autoconfigure-model-", "spring-ai-"];

    private const string LangChain4jPrefix = "langchain4j-";

    private const string StarterSuffix = "-spring-boot-starter";

    public string Name => "spring-ai-build";

    public IReadOnlyCollection<string> Extensions { get; } = [".xml", ".gradle", ".kts"];

    public bool OffersByEndingAlone => false;

    public bool OffersFileName(string fileName) =>
        fileName.Equals("pom.xml", StringComparison.OrdinalIgnoreCase)
        || fileName.Equals("build.gradle", StringComparison.OrdinalIgnoreCase)
        || fileName.Equals("build.gradle.kts", StringComparison.OrdinalIgnoreCase);

    public bool Recognizes(InputFile file) => OffersFileName(file.FileName)
        && (file.Text.Contains("spring-ai-", StringComparison.Ordinal) || file.Text.Contains(LangChain4jPrefix, StringComparison.Ordinal));

    public ReaderResult Read(InputFile file)
    {
        var text = WithoutComments(file.Text, file.Extension == ".xml");
        var pattern = file.Extension == ".xml" ? MavenArtifactRegex() : GradleArtifactRegex();
        var sightings = new List<LexicalSighting>();
        foreach (Match match in pattern.Matches(text))
        {
            var artifact = match.Groups["artifact"];
            if (ModelOf(artifact.Value) is not { } model)
            {
                continue;
            }

            var (line, column) = LineAndColumn(text, artifact.Index);
            sightings.Add(new LexicalSighting(new LexicalTarget(model.Key), LexicalSightingKind.ImportOnly, null,
                new LexicalToken(LexicalTokenKind.String, artifact.Value, line, column), Sdk: $"{model.Library} {model.Name} ({artifact.Value} dependency)"));
        }

        var fragment = LexicalInventory.Build(file, sightings);
        foreach (var flow in fragment.Flows)
        {
            // A dependency is no call site: the party keeps the line as evidence, but the flow (which the stack assembly merges
            // with the flow the Spring properties configure) gets no site of it, so no rule takes the build file for a call
            // that goes around a gateway.
            flow.Evidence.RemoveWhere(_ => true);
        }

        return new ReaderResult(fragment, [], new SecretLedger());
    }

    /// <summary>The model an artifact of Spring AI or LangChain4j names, with the library, or null (vector stores, MCP, chat memory, the BOM).</summary>
    internal static (string Key, string Name, string Library)? ModelOf(string artifact)
    {
        var name = artifact.EndsWith(StarterSuffix, StringComparison.Ordinal) ? artifact[..^StarterSuffix.Length] : artifact;
        if (name.StartsWith(LangChain4jPrefix, StringComparison.Ordinal))
        {
            return LangChain4jModels.TryGetValue(name[LangChain4jPrefix.Length..], out var integration) ? (integration.Key, integration.Name, "LangChain4j") : null;
        }

        foreach (var prefix in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return Models.TryGetValue(name[prefix.Length..], out var model) ? (model.Key, model.Name, "Spring AI") : null;
            }
        }

        return null;
    }

    /// <summary>The text with XML comments, or Gradle's // and /* */ comments, blanked (line breaks kept, so lines stay right).</summary>
    private static string WithoutComments(string text, bool xml) =>
        (xml ? XmlCommentRegex() : GradleCommentRegex()).Replace(text, m => new string(m.Value.Select(c => c == '\n' ? '\n' : ' ').ToArray()));

    private static (int Line, int Column) LineAndColumn(string text, int index) =>
        (text.AsSpan(0, index).Count('\n') + 1, index - (index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1) + 1);

    [GeneratedRegex(@"<artifactId>\s*(?<artifact>(spring-ai|langchain4j)-[a-z0-9-]+)\s*</artifactId>")]
    private static partial Regex MavenArtifactRegex();

    [GeneratedRegex(@"org\.springframework\.ai:(?<artifact>spring-ai-[a-z0-9-]+)|dev\.langchain4j:(?<artifact>langchain4j-[a-z0-9-]+)")]
    private static partial Regex GradleArtifactRegex();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex XmlCommentRegex();

    [GeneratedRegex(@"/\*.*?\*/|//[^\n]*", RegexOptions.Singleline)]
    private static partial Regex GradleCommentRegex();
}
