using System.CommandLine;
using System.Globalization;
using GatewayAudit.Core;
using GatewayAudit.Core.Snapshot;

namespace GatewayAudit.Cli;

/// <summary>
/// The gateway-audit command line. Parse errors exit 2 (System.CommandLine's own default is 1, which the
/// contract reserves for findings); unexpected failures print one line, never a stack trace.
/// </summary>
public static class CliApp
{
    // The built-in catalog and rule pack as the build parsed them (tools/BuiltInSnapshot), instead of their YAML.
    static CliApp() => BuiltInSnapshot.Use(() => typeof(CliApp).Assembly.GetManifestResourceStream(BuiltInSnapshot.ResourceName));

    /// <param name="errorIsTerminal">True when stderr is a terminal: a long scan then shows its progress there.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory, bool errorIsTerminal = false)
    {
        // Output is culture-invariant whatever LC_ALL says (an Arabic, Persian or Thai culture changes the calendar
        // of dates and the digits of numbers): the whole run uses the invariant culture, and the caller's comes back.
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            return RunInvariant(args, output, error, workingDirectory, errorIsTerminal);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private static int RunInvariant(string[] args, TextWriter output, TextWriter error, string workingDirectory, bool errorIsTerminal)
    {
        var terminal = new Terminal(output, error) { ErrorIsTerminal = errorIsTerminal };
        var root = new RootCommand(
            "gateway-audit: who touches your prompts behind an LLM gateway. Reads gateway configs (LiteLLM proxy config.yaml),\n" +
            "lists every sub-processor and retention surface with file:line evidence, reports ZDR gaps, and writes a\n" +
            "DPA-ready sub-processor annex.\n\n" +
            "Examples:\n" +
            "  gateway-audit scan examples/litellm-langfuse-postgres-redis\n" +
            "  gateway-audit scan deploy/litellm/config.yaml --format json --output audit.json\n" +
            "  gateway-audit scan . --format sarif --output gateway-audit.sarif --fail-on high\n" +
            "  gateway-audit scan deploy --dpa legal/signed-dpa.md --fail-on high\n" +
            "  gateway-audit diff main.json pr.json --output change-notice.md\n" +
            "  gateway-audit merge results/*.json --output organisation.md\n" +
            "  gateway-audit policies list\n" +
            "  gateway-audit explain provider-without-zdr\n" +
            "  gateway-audit catalog list");
        foreach (var create in CommandsFor(args))
        {
            root.Subcommands.Add(create(terminal, workingDirectory));
        }

        PhaseClock.Mark("commands built");
        var parse = root.Parse(args);
        PhaseClock.Mark("parsed");
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                terminal.Error($"{ToolInfo.Name}: {problem.Message}");
            }

            terminal.Error($"Run '{string.Join(' ', [ToolInfo.Name, .. CommandPath(parse), "--help"])}' for usage.");
            return ExitCodes.UsageOrInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            terminal.Error($"{ToolInfo.Name}: internal error ({e.GetType().Name}): {e.Message}");
            terminal.Error("This is a bug in gateway-audit; the scan did not complete and no report was written.");
            return ExitCodes.Internal;
        }
    }

    /// <summary>Every subcommand, by the name its <c>Create</c> gives it (a test holds the two together).</summary>
    internal static IReadOnlyList<(string Name, Func<Terminal, string, Command> Create)> Commands { get; } =
    [
        ("scan", ScanCommand.Create), ("policies", PoliciesCommand.Create), ("explain", ExplainCommand.Create), ("diff", DiffCommand.Create),
        ("merge", MergeCommand.Create), ("baseline", BaselineCommand.Create), ("catalog", CatalogCommand.Create),
    ];

    /// <summary>
    /// The subcommands to build for these arguments: only the one the first argument names, when it names one (after
    /// it, System.CommandLine reads tokens against that command alone, so its siblings change nothing), else all of
    /// them (root help, a mistyped command, a response file). Building seven commands' options cost a cold scan about
    /// 50 ms of CPU (bench/STARTUP.md).
    /// </summary>
    internal static IEnumerable<Func<Terminal, string, Command>> CommandsFor(string[] args) =>
        Commands.Where(c => args.Length > 0 && args[0] == c.Name) is var named && named.Any()
            ? named.Select(c => c.Create)
            : Commands.Select(c => c.Create);

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Command is not RootCommand)
            {
                names.Insert(0, result.Command.Name);
            }
        }

        return names;
    }
}
