namespace GatewayAudit.Core.Model;

/// <summary>
/// What a source file says about SDK clients that another file may hold the other half of: the clients it builds and
/// the calls it makes through a client it does not build. A reader sees one file; the stack assembly joins these
/// (<c>Stacks/CodeClientJoin</c>), so a call through a client built elsewhere reaches the party that client was
/// pointed at, and is never presumed to reach the SDK's default vendor as if that were a fact.
/// </summary>
public sealed class CodeClients
{
    public List<ClientBuild> Builds { get; } = [];

    public List<ClientUse> Uses { get; } = [];

    /// <summary>Module-level OpenRouter preference objects (<c>EXTRA_BODY = {"provider": {...}}</c>) other files may pass.</summary>
    public List<PreferenceObject> Preferences { get; } = [];

    /// <summary>Module-level string constants that hold an address or a model (<c>MODEL_NAME = os.getenv("MODEL_NAME", "openrouter/...")</c>, <c>export const BASE_URL = "..."</c>).</summary>
    public List<ExportedConstant> Constants { get; } = [];

    /// <summary>Addresses and models a file takes from a name it imports (or, in Go, from its package) instead of writing them.</summary>
    public List<ImportedValue> ImportedValues { get; } = [];

    /// <summary>Names a module passes on from another module (<c>from .config import BASE_URL</c> in a package's <c>__init__</c>, <c>API_URL = BASE_URL</c>), for chains of constants.</summary>
    public List<ReExport> ReExports { get; } = [];

    /// <summary>
    /// Settings files' values holding an address: Spring Boot properties (<c>application.yml</c>, <c>application-qwen.yml</c>)
    /// for code that injects them with <c>@Value</c>, and .NET <c>appsettings*.json</c> keys for code that reads them from
    /// <c>IConfiguration</c>.
    /// </summary>
    public List<SettingValue> Settings { get; } = [];

    /// <summary>Struct fields a Go file sets from an environment variable (<c>BaseURL: os.Getenv("BASE_URL")</c>), for code that reads the field.</summary>
    public List<EnvironmentField> EnvironmentFields { get; } = [];

    /// <summary>
    /// .NET options classes bound to a configuration section (<c>services.Configure&lt;T&gt;(config.GetSection("X"))</c>), for code
    /// that reads a property of <c>T</c> as a URL in another file.
    /// </summary>
    public List<OptionsBinding> OptionsBindings { get; } = [];

    /// <summary>String constants of C# classes (<c>public const string SectionName = "OpenAI"</c>), for bindings that name a section by one.</summary>
    public List<ClassConstant> ClassConstants { get; } = [];

    public bool IsEmpty => Builds.Count == 0 && Uses.Count == 0 && Preferences.Count == 0 && Constants.Count == 0 && ImportedValues.Count == 0;

    /// <summary>Whether every list is empty (the stack assembly has joined them all).</summary>
    public bool HoldsNothing => IsEmpty && ReExports.Count == 0 && Settings.Count == 0 && EnvironmentFields.Count == 0 && OptionsBindings.Count == 0 && ClassConstants.Count == 0;

    public void MergeFrom(CodeClients other)
    {
        Builds.AddRange(other.Builds);
        Uses.AddRange(other.Uses);
        Preferences.AddRange(other.Preferences);
        Constants.AddRange(other.Constants);
        ImportedValues.AddRange(other.ImportedValues);
        ReExports.AddRange(other.ReExports);
        Settings.AddRange(other.Settings);
        EnvironmentFields.AddRange(other.EnvironmentFields);
        OptionsBindings.AddRange(other.OptionsBindings);
        ClassConstants.AddRange(other.ClassConstants);
    }
}

/// <summary>
/// A client of an SDK built in code: <paramref name="Sdk"/> is the SDK's party key ("openai", "anthropic"),
/// <paramref name="Language"/> the source language, <paramref name="Name"/> the variable or field it is kept in (null
/// when none), <paramref name="Module"/> the file's module path (extension and <c>__init__</c>/<c>index</c> dropped;
/// a Go package is its folder), <paramref name="PartyId"/> the component the reader gave it, and
/// <paramref name="AddressSet"/> whether the code sets its address (a base URL, literal or not), and
/// <paramref name="DefaultPartyId"/> the party the SDK reaches when no address is set.
/// </summary>
public sealed record ClientBuild(string Sdk, string Language, SourceLocation At, string? Name, string Module, string PartyId, bool AddressSet, string DefaultPartyId);

/// <summary>
/// A call through a client the file does not build (<c>p.client.CreateChatCompletion</c>, <c>client.chat.completions.create</c>
/// with <c>client</c> imported). <paramref name="Through"/> is the receiver as written, <paramref name="Name"/> its last
/// name, <paramref name="FromModule"/> the module it was imported from when the file shows one, <paramref name="Call"/>
/// what the call does ("chat", "embedding", "listing"), <paramref name="Categories"/> what it sends, and
/// <paramref name="Default"/> the SDK's own default party, which the call reaches only if its client sets no address.
/// </summary>
public sealed record ClientUse(string Sdk, string Language, SourceLocation At, string Through, string Name, string? FromModule, string Module,
    string Call, IReadOnlyList<DataCategory> Categories, Component Default)
{
    /// <summary>The module-level preference object the call passes (<c>extra_body=EXTRA_BODY</c>), when it names one.</summary>
    public string? PassesPreferences { get; init; }

    /// <summary>The module the passed preference object was imported from, when the file shows one.</summary>
    public string? PreferencesFrom { get; init; }

    /// <summary>The file imports no SDK and the call's shape alone names one: it may join a client, never presume the default.</summary>
    public bool SdkFromShape { get; init; }
}

/// <summary>An OpenRouter preference object kept in a module-level variable: its raw mapping is in <paramref name="Value"/> (a reader type).</summary>
public sealed record PreferenceObject(string Name, string Module, string Language, SourceLocation At, object Value);

/// <summary>
/// A module-level constant other files may import: its <paramref name="Name"/>, the module it is defined in (as in
/// <see cref="ClientBuild"/>), the literal it holds, and the environment variable whose value replaces it where set
/// (<paramref name="OverriddenBy"/>, for <c>os.getenv("X", "literal")</c>).
/// </summary>
public sealed record ExportedConstant(string Name, string Module, string Language, SourceLocation At, string Value, string? OverriddenBy)
{
    /// <summary>The lines of the modules that passed the name on to the file that uses it (<see cref="ReExport"/>), in order; empty for a direct import.</summary>
    public IReadOnlyList<SourceLocation> Through { get; init; } = [];

    /// <summary>
    /// Where the deployment that runs the using code replaces the default (the compose service that builds it sets
    /// <see cref="OverriddenBy"/>): that value is <see cref="Value"/>, the file's own default is in <see cref="Default"/>.
    /// </summary>
    public SourceLocation? DeployedAt { get; init; }

    /// <summary>The literal the defining file writes, where <see cref="DeployedAt"/> replaced it.</summary>
    public string? Default { get; init; }

    /// <summary>Who replaced the default, as a reader would say it ("the compose service 'backend' that builds this code").</summary>
    public string? DeployedBy { get; init; }

    /// <summary>The replacing value comes from the project's sample env file (.env.example): the intended endpoint, not a deployed one.</summary>
    public bool FromExample { get; init; }
}

/// <summary>
/// An address or model a call or client takes from a name the file does not define: <paramref name="Name"/> imported
/// from <paramref name="FromModule"/> as written (null: a Go name of the same package), or reached through
/// <paramref name="Via"/> (<c>settings.MODEL</c> with <c>settings</c> imported). <paramref name="Slot"/> is
/// <c>model</c> or <c>address</c>; <paramref name="PartyId"/> the party the reader gave the site without the value;
/// <paramref name="Sighting"/> the reader's own record of the site (a reader type), re-resolved once the value is known.
/// </summary>
public sealed record ImportedValue(string Name, string? FromModule, string? Via, string Module, string Language, SourceLocation At, string Slot, string PartyId, object Sighting);

/// <summary>
/// A module-level name of <paramref name="Module"/> that is another module's name: imported
/// (<c>from .config import BASE_URL</c>, <c>export { BASE_URL } from "./config"</c>) or assigned from an imported name
/// (<c>API_URL = BASE_URL</c>). <paramref name="FromModule"/> is the import as written; <paramref name="At"/> the line.
/// </summary>
public sealed record ReExport(string Name, string Module, string Language, SourceLocation At, string FromName, string FromModule);

/// <summary>
/// A value of a settings file that holds an address. <paramref name="Framework"/> is <see cref="Spring"/> (a Spring Boot
/// property: <paramref name="Key"/> its relaxed-binding canonical name, <paramref name="Root"/> the part of the path
/// before <c>src/main/resources</c>, else the file's folder, <paramref name="Profile"/> the profile of an
/// <c>application-{profile}</c> file or of a document activated on a profile) or <see cref="DotNet"/> (an
/// <c>appsettings.json</c> key, <c>section:key</c> in lower case as .NET configuration compares keys, the file's folder,
/// and the environment of an <c>appsettings.{Environment}.json</c> file). Null <paramref name="Profile"/> is the default
/// file. Also where it is written, its value (a <c>${NAME:default}</c> placeholder's default) and the variable that
/// replaces that value where set.
/// </summary>
public sealed record SettingValue(string Framework, string Key, string Root, string? Profile, SourceLocation At, string Value, string? Variable)
{
    public const string Spring = "spring";

    public const string DotNet = "dotnet";

    /// <summary>
    /// An example settings file (<c>appsettings.Example.json</c>, or an <c>appsettings*.json</c> in the project's
    /// <c>Examples/</c> folder): documentation of the intended value, not a file the application loads; used only where
    /// no loaded file sets the key (Stacks/SettingsFileJoin), and marked as an example.
    /// </summary>
    public bool Example { get; init; }
}

/// <summary>
/// A field set from an environment variable: its <paramref name="Name"/> (<c>OpenAIBaseURL</c>), the module of the
/// file that sets it (a Go package is its folder), where, the <paramref name="Variable"/> read, and the literal default a
/// helper gives where the variable is unset (<c>getEnv("BASE_URL", "https://...")</c>).
/// </summary>
public sealed record EnvironmentField(string Name, string Module, string Language, SourceLocation At, string Variable, string? Default);

/// <summary>
/// A .NET options class <paramref name="Type"/> (its name, without namespace) bound to the configuration section
/// <paramref name="Section"/> (<c>A:B</c>; empty for the configuration's root) at <paramref name="At"/>; or, where the file
/// names the section by a constant of another class (<c>GetSection(OpenAiOptions.SectionName)</c>),
/// <paramref name="Section"/> is null and <paramref name="SectionConstant"/> is that constant as written (<c>OpenAiOptions.SectionName</c>).
/// </summary>
public sealed record OptionsBinding(string Type, string? Section, string? SectionConstant, SourceLocation At);

/// <summary>A string constant (or static property with a literal initializer) <paramref name="Name"/> of the class <paramref name="Type"/>.</summary>
public sealed record ClassConstant(string Type, string Name, string Value, SourceLocation At);
