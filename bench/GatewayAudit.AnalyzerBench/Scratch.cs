namespace GatewayAudit.AnalyzerBench;

/// <summary>One way of building the generated code: the same sources, a different set of analyzers.</summary>
/// <param name="Name">Folder and display name.</param>
/// <param name="Description">What the configuration adds to the baseline.</param>
internal sealed record BuildConfiguration(string Name, string Description)
{
    public static readonly BuildConfiguration None = new("none", "no analyzer added (the SDK's default analyzers and generators only)");
    public static readonly BuildConfiguration Ours = new("gateway-audit", "GatewayAudit.Analyzers (Analyzer item, Release DLL)");
    public static readonly BuildConfiguration BannedApi = new("bannedapi", "Microsoft.CodeAnalysis.BannedApiAnalyzers 5.6.0 + BannedSymbols.txt");

    public static IReadOnlyList<BuildConfiguration> All { get; } = [None, Ours, BannedApi];

    public string ProjectPath(string scratchRoot) => Path.Combine(scratchRoot, Name, "Contoso.Agents.csproj");
}

/// <summary>
/// Lays out the scratch folder: its own Directory.Build.props / .targets / Directory.Packages.props (so nothing is
/// inherited from a repository above it), an .editorconfig (root = true) that declares the adapter types, the
/// BannedSymbols.txt, and one project per configuration, all compiling the same src/ folder.
/// </summary>
internal static class Scratch
{
    public const string Marker = ".gateway-audit-analyzer-bench";
    public const string AnalyzerDll = "GatewayAudit.Analyzers.dll";

    /// <summary>Deletes a previous scratch folder, refusing any non-empty folder this tool did not create.</summary>
    public static void Reset(string root)
    {
        if (Directory.Exists(root))
        {
            if (!File.Exists(Path.Combine(root, Marker)) && Directory.EnumerateFileSystemEntries(root).Any())
            {
                throw new InvalidOperationException($"{root} exists, is not empty and was not made by this benchmark ({Marker} missing); refusing to delete it.");
            }

            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, Marker), "Scratch folder of bench/GatewayAudit.AnalyzerBench; safe to delete.\n");
    }

    public static void WriteBuildFiles(string root, string analyzerDllPath)
    {
        Write(root, "Directory.Build.props", """
            <Project>
              <!-- Stops MSBuild from importing any Directory.Build.props above this folder. -->
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <LangVersion>latest</LangVersion>
                <AssemblyName>Contoso.Agents</AssemblyName>
                <RootNamespace>Contoso.Agents</RootNamespace>
                <Deterministic>true</Deterministic>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <MSBuildTreatWarningsAsErrors>false</MSBuildTreatWarningsAsErrors>
                <CodeAnalysisTreatWarningsAsErrors>false</CodeAnalysisTreatWarningsAsErrors>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
                <SatelliteResourceLanguages>en</SatelliteResourceLanguages>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="$(MSBuildThisFileDirectory)src/**/*.cs" />
              </ItemGroup>
            </Project>

            """);
        Write(root, "Directory.Build.targets", """
            <Project>
              <!-- Stops MSBuild from importing any Directory.Build.targets above this folder. -->
            </Project>

            """);
        Write(root, "Directory.Packages.props", """
            <Project>
              <!-- Stops MSBuild from importing a Directory.Packages.props above this folder; no central versions here. -->
              <PropertyGroup>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>

            """);
        Write(root, ".editorconfig", """
            root = true

            [*.cs]
            # GatewayAudit.Analyzers: OpenRouterAdapter is exempt through [GatewayAdapter]; these through the setting.
            gateway_audit.adapter_types = Contoso.Agents.Llm.Gateway.*, Contoso.Agents.Llm.Legacy.LegacyOpenRouterClient

            # BannedApiAnalyzers has no notion of an adapter type: the adapter files are exempted by path instead.
            [src/Llm/Gateway/*.cs]
            dotnet_diagnostic.RS0030.severity = none

            [src/Llm/Legacy/LegacyOpenRouterClient.cs]
            dotnet_diagnostic.RS0030.severity = none

            """);
        Write(root, "BannedSymbols.txt", BannedSymbols);

        var project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- {0} -->
            {1}</Project>

            """;
        Write(root, $"{BuildConfiguration.None.Name}/Contoso.Agents.csproj", string.Format(System.Globalization.CultureInfo.InvariantCulture, project, BuildConfiguration.None.Description, ""));
        Write(root, $"{BuildConfiguration.Ours.Name}/Contoso.Agents.csproj", string.Format(System.Globalization.CultureInfo.InvariantCulture, project, BuildConfiguration.Ours.Description, $"""
              <ItemGroup>
                <Analyzer Include="{analyzerDllPath}" />
              </ItemGroup>

            """));
        Write(root, $"{BuildConfiguration.BannedApi.Name}/Contoso.Agents.csproj", string.Format(System.Globalization.CultureInfo.InvariantCulture, project, BuildConfiguration.BannedApi.Description, """
              <ItemGroup>
                <PackageReference Include="Microsoft.CodeAnalysis.BannedApiAnalyzers" Version="5.6.0" PrivateAssets="all" />
                <AdditionalFiles Include="../BannedSymbols.txt" />
              </ItemGroup>

            """));
    }

    /// <summary>
    /// The closest thing BannedApiAnalyzers can say to GW001-GW004: it bans symbols, not string values. So it bans
    /// the adapter's constants and the gateway-only ExtraBody (precise), and the header and base-address APIs a
    /// leak goes through (over-broad: every header, every base address). It cannot see literals in dictionaries,
    /// anonymous objects, raw JSON, attribute arguments or plain assignments of a slug.
    /// </summary>
    public const string BannedSymbols = """
        F:Contoso.Agents.Llm.Gateway.OpenRouterAdapter.BaseUrl;GW003: only the gateway adapter knows the gateway endpoint
        F:Contoso.Agents.Llm.Gateway.OpenRouterAdapter.RefererHeader;GW001: attribution headers are set by the gateway adapter
        F:Contoso.Agents.Llm.Gateway.OpenRouterAdapter.TitleHeader;GW001: attribution headers are set by the gateway adapter
        F:Contoso.Agents.Llm.Gateway.OpenRouterAdapter.LegacyTitleHeader;GW001: attribution headers are set by the gateway adapter
        F:Contoso.Agents.Llm.Gateway.OpenRouterAdapter.DefaultModel;GW002: resolve a model alias through IModelCatalog
        F:Contoso.Agents.Llm.Gateway.OpenRouterAdapter.FallbackModel;GW002: resolve a model alias through IModelCatalog
        F:Contoso.Agents.Llm.Gateway.OpenRouterAdapter.AutoModel;GW002: resolve a model alias through IModelCatalog
        F:Contoso.Agents.Llm.Gateway.OpenRouterAdapter.ProviderPreferencesJson;GW004: gateway-only request fields belong to the adapter
        P:Contoso.Agents.Llm.ChatRequest.ExtraBody;GW004: gateway-only request fields are added by the gateway adapter
        M:System.Net.Http.Headers.HttpHeaders.Add(System.String,System.String);GW001: attribution headers are set by the gateway adapter (bans every header name)
        M:System.Net.Http.Headers.HttpHeaders.Add(System.String,System.Collections.Generic.IEnumerable{System.String});GW001: attribution headers are set by the gateway adapter (bans every header name)
        M:System.Net.Http.Headers.HttpHeaders.TryAddWithoutValidation(System.String,System.String);GW001: attribution headers are set by the gateway adapter (bans every header name)
        M:System.Net.Http.Headers.HttpHeaders.TryAddWithoutValidation(System.String,System.Collections.Generic.IEnumerable{System.String});GW001: attribution headers are set by the gateway adapter (bans every header name)
        P:System.Net.Http.HttpClient.BaseAddress;GW003: the gateway base URL is set by the gateway adapter (bans every base address)

        """;

    private static void Write(string root, string relativePath, string text)
    {
        var full = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
