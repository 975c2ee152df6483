using System.Globalization;
using System.Text;

namespace GatewayAudit.AnalyzerBench;

/// <summary>
/// Generates a deterministic (fixed seed) C# code base shaped like a line-of-business service with an LLM agent in
/// it: services, repositories, endpoints, DTOs, options, validators, mappers, JSON samples, HTTP clients and
/// assistants, full of ordinary string literals (log templates, MIME types, date formats, paths, URLs, SQL,
/// dictionary keys, interpolations, consts, attribute arguments, raw JSON). A few percent of the files leak a
/// gateway detail past the adapter (recorded as <see cref="PlantedLeak"/>); a few more hold look-alikes that are
/// not leaks (<see cref="NearMiss"/>). The adapter itself is <c>Contoso.Agents.Llm.Gateway.OpenRouterAdapter</c>,
/// marked <c>[GatewayAdapter]</c>; two more adapter types are exempt through <c>gateway_audit.adapter_types</c>.
/// </summary>
internal sealed class CodeGenerator
{
    private static readonly (string Domain, string[] Entities)[] Domains =
    [
        ("Orders", ["Order", "OrderLine", "Cart", "Checkout", "Fulfilment", "Backorder"]),
        ("Billing", ["Invoice", "CreditNote", "TaxRate", "Statement", "Dunning", "Ledger"]),
        ("Shipping", ["Shipment", "Parcel", "Carrier", "Label", "Tracking", "Manifest"]),
        ("Inventory", ["StockItem", "Warehouse", "Bin", "Transfer", "Reservation", "CycleCount"]),
        ("Customers", ["Customer", "Contact", "Address", "Segment", "Consent", "Preference"]),
        ("Catalog", ["Product", "Variant", "Category", "Bundle", "ProductAttribute", "PriceList"]),
        ("Notifications", ["Notification", "MessageTemplate", "Channel", "Digest", "Subscription", "Webhook"]),
        ("Support", ["Ticket", "Conversation", "Macro", "Escalation", "ServiceLevel", "Survey"]),
        ("Identity", ["Account", "LoginSession", "Role", "Permission", "ApiKey", "Invitation"]),
        ("Reporting", ["Report", "Dashboard", "Metric", "DataExport", "ReportSchedule", "Snapshot"]),
        ("Search", ["SearchQuery", "SearchIndex", "Synonym", "Facet", "Suggestion", "Ranking"]),
        ("Pricing", ["Quote", "Discount", "Coupon", "Promotion", "PriceRule", "CurrencyRate"]),
        ("Analytics", ["TrackedEvent", "Funnel", "Cohort", "Experiment", "Touchpoint", "Pageview"]),
        ("Documents", ["Document", "Attachment", "Signature", "Folder", "Revision", "Redaction"]),
        ("Scheduling", ["Appointment", "Slot", "Calendar", "Shift", "Reminder", "Booking"]),
        ("Payments", ["Payment", "Refund", "Payout", "Dispute", "Mandate", "Wallet"]),
        ("Reviews", ["Review", "Rating", "ModerationCase", "Reply", "ReviewFlag", "ReviewDigest"]),
        ("Returns", ["ReturnRequest", "Rma", "Inspection", "Restock", "Exchange", "ReturnLabel"]),
        ("Loyalty", ["Member", "PointsEntry", "Tier", "Reward", "Redemption", "Referral"]),
        ("Assistants", ["ChatSession", "PromptTemplate", "Transcript", "KnowledgeArticle", "Feedback", "Handoff"]),
    ];

    private enum Kind
    {
        Service,
        Repository,
        Endpoints,
        Dtos,
        Options,
        Validator,
        Mapper,
        Samples,
        Assistant,
        Client,
    }

    private static readonly (Kind Kind, int Weight, string[] Suffixes)[] Kinds =
    [
        (Kind.Service, 20, ["Service", "QueryService", "CommandService", "Handler", "Processor", "Coordinator"]),
        (Kind.Repository, 12, ["Repository", "Store", "Queries"]),
        (Kind.Endpoints, 10, ["Endpoints", "Controller", "Routes"]),
        (Kind.Dtos, 14, ["Dto", "Models", "Contracts", "Payload"]),
        (Kind.Options, 6, ["Options", "Settings", "Defaults"]),
        (Kind.Validator, 8, ["Validator", "Policy", "Rules"]),
        (Kind.Mapper, 12, ["Mapper", "Formatter", "Exporter", "Importer", "Converter"]),
        (Kind.Samples, 4, ["Samples", "Fixtures"]),
        (Kind.Assistant, 6, ["Assistant", "Summarizer", "Classifier", "Copilot"]),
        (Kind.Client, 8, ["Client", "ApiClient", "Connector"]),
    ];

    private static readonly (string Extension, string Mime)[] MimeTypes =
    [
        (".json", "application/json"), (".csv", "text/csv"), (".pdf", "application/pdf"), (".png", "image/png"),
        (".jpg", "image/jpeg"), (".xml", "application/xml"), (".txt", "text/plain; charset=utf-8"),
        (".html", "text/html"), (".zip", "application/zip"), (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (".md", "text/markdown"), (".ndjson", "application/x-ndjson"), (".svg", "image/svg+xml"), (".webp", "image/webp"),
    ];

    private static readonly string[] StatusPhrases =
    [
        "received and waiting for review", "approved by the {0} team", "rejected: required information is missing",
        "on hold until the next billing cycle", "escalated to a supervisor", "archived after 90 days without activity",
        "scheduled for processing tonight", "cancelled at the customer's request", "partially completed",
        "waiting for an external system", "flagged for a manual check", "completed without errors",
    ];

    private static readonly (string Json, string Pascal, string Type, string Default)[] DtoProperties =
    [
        ("id", "Id", "string", "string.Empty"), ("created_at", "CreatedAt", "DateTimeOffset", ""),
        ("updated_at", "UpdatedAt", "DateTimeOffset?", ""), ("status", "Status", "string", "\"pending\""),
        ("tenant_id", "TenantId", "string", "string.Empty"), ("display_name", "DisplayName", "string", "string.Empty"),
        ("currency", "Currency", "string", "\"EUR\""), ("amount_minor", "AmountMinor", "long", ""),
        ("locale", "Locale", "string", "\"en-GB\""), ("time_zone", "TimeZone", "string", "\"Europe/Berlin\""),
        ("external_ref", "ExternalRef", "string?", ""), ("tags", "Tags", "List<string>", "[]"),
        ("metadata", "Metadata", "Dictionary<string, string>", "new(StringComparer.Ordinal)"),
        ("email", "Email", "string?", ""), ("phone", "Phone", "string?", ""), ("version", "Version", "int", "1"),
        ("source", "Source", "string", "\"web\""), ("channel", "Channel", "string", "\"email\""),
        ("country_code", "CountryCode", "string", "\"DE\""), ("notes", "Notes", "string?", ""),
    ];

    private readonly Random _rng;
    private readonly int _seed;
    private readonly int _files;
    private readonly double _leakFraction;
    private readonly double _nearMissFraction;
    private readonly List<PlantedLeak> _leaks = [];
    private readonly List<NearMiss> _nearMisses = [];
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);

    public CodeGenerator(int seed, int files, double leakFraction, double nearMissFraction)
    {
        _seed = seed;
        _rng = new Random(seed);
        _files = files;
        _leakFraction = leakFraction;
        _nearMissFraction = nearMissFraction;
    }

    /// <summary>Writes the code base under <paramref name="sourceRoot"/> (which must not exist or be empty).</summary>
    public GeneratedProject Generate(string sourceRoot)
    {
        Directory.CreateDirectory(sourceRoot);
        long lines = 0;
        long bytes = 0;
        var written = 0;

        foreach (var (path, text) in FixedFiles())
        {
            (lines, bytes) = Write(sourceRoot, path, text, lines, bytes);
            written++;
        }

        var generated = Math.Max(0, _files - written);
        var order = Enumerable.Range(0, generated).OrderBy(_ => _rng.Next()).ToArray();
        var leakCount = (int)Math.Round(generated * _leakFraction);
        var nearMissCount = (int)Math.Round(generated * _nearMissFraction);
        var leakFiles = order.Take(leakCount).ToHashSet();
        var nearMissFiles = order.Skip(leakCount).Take(nearMissCount).ToHashSet();

        for (var i = 0; i < generated; i++)
        {
            var (domain, entities) = Domains[i % Domains.Length];
            var entity = entities[_rng.Next(entities.Length)];
            var (kind, suffix) = PickKind(domain);
            var typeName = UniqueTypeName(domain, entity + suffix);
            var path = $"{domain}/{typeName}.cs";
            var writer = new SourceWriter();
            var context = new TypeContext(domain, entity, typeName, kind, path);
            WriteType(writer, context, leakFiles.Contains(i), nearMissFiles.Contains(i));
            (lines, bytes) = Write(sourceRoot, path, writer.ToString(), lines, bytes);
            written++;
        }

        return new GeneratedProject
        {
            SourceRoot = sourceRoot,
            Files = written,
            Lines = lines,
            Bytes = bytes,
            LeakFiles = leakCount,
            NearMissFiles = nearMissCount,
            Leaks = _leaks,
            NearMisses = _nearMisses,
        };
    }

    private static (long Lines, long Bytes) Write(string root, string relativePath, string text, long lines, long bytes)
    {
        var full = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var data = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        File.WriteAllBytes(full, data);
        return (lines + text.Count(c => c == '\n'), bytes + data.Length);
    }

    private (Kind Kind, string Suffix) PickKind(string domain)
    {
        if (domain == "Assistants" && _rng.Next(2) == 0)
        {
            return (Kind.Assistant, "Assistant");
        }

        var total = Kinds.Sum(k => k.Weight);
        var pick = _rng.Next(total);
        foreach (var (kind, weight, suffixes) in Kinds)
        {
            if (pick < weight)
            {
                return (kind, suffixes[_rng.Next(suffixes.Length)]);
            }

            pick -= weight;
        }

        return (Kind.Service, "Service");
    }

    private string UniqueTypeName(string domain, string name)
    {
        var candidate = name;
        for (var n = 2; !_typeNames.Add(domain + "." + candidate); n++)
        {
            candidate = name + n.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private sealed record TypeContext(string Domain, string Entity, string TypeName, Kind Kind, string Path)
    {
        /// <summary>JSON names of the DTO properties written so far (a DTO has each name once).</summary>
        public HashSet<string> UsedProperties { get; } = new(StringComparer.Ordinal);

        public string DomainLower => Domain.ToLowerInvariant();

        public string EntityWords => Words(Entity, ' ');

        public string Plural => Words(Entity, '-') + "s";

        public string Table => Words(Entity, '_') + "s";

        public bool IsStatic => Kind is Kind.Endpoints or Kind.Validator or Kind.Mapper or Kind.Samples;

        private static string Words(string pascal, char separator)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < pascal.Length; i++)
            {
                if (i > 0 && char.IsUpper(pascal[i]))
                {
                    builder.Append(separator);
                }

                builder.Append(char.ToLowerInvariant(pascal[i]));
            }

            return builder.ToString();
        }
    }

    private void WriteType(SourceWriter w, TypeContext c, bool leaks, bool nearMiss)
    {
        w.Line($"// Synthetic code for the gateway-audit analyzer benchmark (seed {_seed}); Contoso is fictional.");
        foreach (var ns in new[]
        {
            "System.ComponentModel", "System.Globalization", "System.Text", "System.Text.Json",
            "System.Text.Json.Serialization", "System.Text.RegularExpressions", "Contoso.Agents.Infrastructure",
            "Contoso.Agents.Llm",
        })
        {
            w.Line($"using {ns};");
        }

        if (leaks)
        {
            w.Line("using Contoso.Agents.Llm.Gateway;");
        }

        w.Line();
        w.Line($"namespace Contoso.Agents.{c.Domain};");
        w.Line();
        w.Line($"/// <summary>{Summary(c)}</summary>");
        WriteHeader(w, c);

        var target = _rng.Next(40, 170);
        var n = 1;
        // Members that read the injected fields come first, so that no field is assigned and never read.
        if (c.Kind is Kind.Service or Kind.Repository or Kind.Client)
        {
            RecordTiming(w, c, n++);
        }
        else if (c.Kind is Kind.Assistant)
        {
            Summarize(w, c, n++);
        }

        var nearMissAt = nearMiss ? _rng.Next(1, 4) : -1;
        var leakAt = leaks ? _rng.Next(1, 4) : -1;
        while (w.LineCount < target || nearMissAt >= n || leakAt >= n)
        {
            if (n == nearMissAt)
            {
                WriteNearMiss(w, c, n++);
            }
            else if (n == leakAt)
            {
                WriteLeaks(w, c, n++);
            }
            else
            {
                WriteMember(w, c, n++);
            }
        }

        w.Close();
    }

    private static string Summary(TypeContext c) => c.Kind switch
    {
        Kind.Service => $"Application service for {c.EntityWords} operations in {c.DomainLower}.",
        Kind.Repository => $"Data access for {c.EntityWords} rows (SQL kept next to the code that runs it).",
        Kind.Endpoints => $"HTTP endpoints that expose {c.EntityWords} resources.",
        Kind.Dtos => $"Wire format of a {c.EntityWords} as the public API returns it.",
        Kind.Options => $"Configuration of the {c.DomainLower} module, bound from appsettings.",
        Kind.Validator => $"Validation rules for incoming {c.EntityWords} data.",
        Kind.Mapper => $"Conversions between {c.EntityWords} records and their text formats.",
        Kind.Samples => $"Sample {c.EntityWords} payloads used by the documentation and the smoke tests.",
        Kind.Assistant => $"LLM-backed helper for {c.EntityWords} work; talks to models only through ILlmClient.",
        _ => $"HTTP client for the internal {c.DomainLower} API.",
    };

    private static void WriteHeader(SourceWriter w, TypeContext c)
    {
        switch (c.Kind)
        {
            case Kind.Service or Kind.Repository:
                w.Open($"public sealed class {c.TypeName}");
                w.Block($$"""
                    private readonly IAppLogger _logger;

                    public {{c.TypeName}}(IAppLogger logger)
                    {
                        _logger = logger;
                    }

                    """);
                break;
            case Kind.Client:
                w.Open($"public sealed class {c.TypeName}");
                w.Block($$"""
                    private readonly IAppLogger _logger;

                    public {{c.TypeName}}(HttpClient http, IAppLogger logger)
                    {
                        Http = http;
                        Http.BaseAddress = new Uri("https://{{c.DomainLower}}.internal.contoso.net/api/v3/");
                        Http.DefaultRequestHeaders.Add("X-Client", "contoso-{{c.DomainLower}}");
                        _logger = logger;
                    }

                    public HttpClient Http { get; }

                    """);
                break;
            case Kind.Assistant:
                w.Open($"public sealed class {c.TypeName}");
                w.Block($$"""
                    private readonly IAppLogger _logger;
                    private readonly ILlmClient _llm;
                    private readonly IModelCatalog _models;

                    public {{c.TypeName}}(ILlmClient llm, IModelCatalog models, IAppLogger logger)
                    {
                        _llm = llm;
                        _models = models;
                        _logger = logger;
                    }

                    """);
                break;
            case Kind.Dtos or Kind.Options:
                w.Open($"public sealed class {c.TypeName}");
                break;
            default:
                w.Open($"public static class {c.TypeName}");
                break;
        }
    }

    private void WriteMember(SourceWriter w, TypeContext c, int n)
    {
        Action<SourceWriter, TypeContext, int>[] pool = c.Kind switch
        {
            Kind.Service => [Describe, Fetch, RecordTiming, StatusMessage, ApiUri, StoragePath, ContentTypes, Tags, DateWindow],
            Kind.Repository => [Sql, Sql, RecordTiming, Describe, Consts, StoragePath, DateWindow],
            Kind.Endpoints => [Endpoint, Endpoint, Endpoint, ContentTypes, StatusMessage],
            Kind.Dtos => [DtoProperty, DtoProperty, DtoProperty, DtoProperty, Consts, JsonSample],
            Kind.Options => [OptionProperties, OptionProperties, Consts],
            Kind.Validator => [Validate, Validate, Consts, StatusMessage],
            Kind.Mapper => [StatusMessage, ToCsv, ApiUri, DateWindow, ContentTypes, StoragePath],
            Kind.Samples => [JsonSample, JsonSample, Consts],
            Kind.Assistant => [Summarize, Classify, RecordTiming, Describe],
            _ => [Fetch, ApiUri, Tags, RecordTiming],
        };
        pool[_rng.Next(pool.Length)](w, c, n);
    }

    // ---- ordinary members -------------------------------------------------------------------------------------

    private void Describe(SourceWriter w, TypeContext c, int n) => w.Block($$"""
        public string Describe{{c.Entity}}{{n}}(int id, DateTimeOffset when)
        {
            _logger.LogInformation("Describing {{c.EntityWords}} {Id} at {When}", id, when);
            var stamp = when.ToString("{{Pick("yyyy-MM-dd'T'HH:mm:ss'Z'", "dd MMM yyyy HH:mm", "O", "yyyyMMdd")}}", CultureInfo.InvariantCulture);
            return $"{{c.Entity}} #{id} ({stamp})";
        }

        """);

    private void Fetch(SourceWriter w, TypeContext c, int n)
    {
        w.Block($$"""
            public async Task<string> Fetch{{c.Entity}}{{n}}Async(HttpClient http, string id, CancellationToken cancellationToken)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v2/{{c.Plural}}/{Uri.EscapeDataString(id)}");
            """);
        if (_rng.Next(2) == 0)
        {
            w.Line("    request.Headers.Add(\"X-Request-Id\", Guid.NewGuid().ToString(\"N\"));");
        }

        w.Block($$"""
                request.Headers.Accept.ParseAdd("{{Pick("application/json", "application/problem+json", "application/hal+json")}}");
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    _logger.LogWarning("Fetching {{c.EntityWords}} {Id} failed with status {Status}", id, (int)response.StatusCode);
                    return string.Empty;
                }

                return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }

            """);
    }

    private void RecordTiming(SourceWriter w, TypeContext c, int n) => w.Block($$"""
        public void Record{{c.Entity}}Timing{{n}}(string id, TimeSpan elapsed)
        {
            if (elapsed > TimeSpan.FromSeconds({{_rng.Next(1, 6)}}))
            {
                _logger.LogWarning("Slow {{c.EntityWords}} operation {Id}: {ElapsedMs} ms", id, elapsed.TotalMilliseconds);
            }
            else
            {
                _logger.LogDebug("{{c.Entity}} operation {Id} completed in {ElapsedMs} ms", id, elapsed.TotalMilliseconds);
            }
        }

        """);

    private void StatusMessage(SourceWriter w, TypeContext c, int n)
    {
        w.Line($"public static string {c.Entity}StatusMessage{n}(int status) => status switch");
        w.Line("{");
        var count = _rng.Next(3, 7);
        var start = _rng.Next(StatusPhrases.Length);
        for (var i = 0; i < count; i++)
        {
            var phrase = string.Format(CultureInfo.InvariantCulture, StatusPhrases[(start + i) % StatusPhrases.Length], c.DomainLower);
            w.Line($"    {i} => \"{c.Entity} {phrase}\",");
        }

        w.Line($"    _ => $\"Unknown {c.EntityWords} status {{status}}\",");
        w.Line("};");
        w.Line();
    }

    private void ApiUri(SourceWriter w, TypeContext c, int n) => w.Block($$"""
        public static Uri {{c.Entity}}ApiUri{{n}}(string tenant, int id, int page) =>
            new($"https://api.contoso.com/v2/{tenant}/{{c.Plural}}/{id}?expand={{Pick("lines", "customer", "history", "links")}}&page={page}&pageSize={{Pick("20", "50", "100")}}");

        """);

    private void StoragePath(SourceWriter w, TypeContext c, int n) => w.Block($$"""
        public static string {{c.Entity}}StoragePath{{n}}(Guid id, DateOnly day) =>
            Path.Combine("/var/lib/contoso/{{c.DomainLower}}", day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture), $"{id:N}{{Pick(".json", ".csv", ".pdf", ".ndjson")}}");

        """);

    private void ContentTypes(SourceWriter w, TypeContext c, int n)
    {
        w.Line($"private static readonly Dictionary<string, string> ContentTypes{n} = new(StringComparer.OrdinalIgnoreCase)");
        w.Line("{");
        var start = _rng.Next(MimeTypes.Length);
        var count = _rng.Next(4, 8);
        for (var i = 0; i < count; i++)
        {
            var (extension, mime) = MimeTypes[(start + i) % MimeTypes.Length];
            w.Line($"    [\"{extension}\"] = \"{mime}\",");
        }

        w.Block($$"""
            };

            public static string {{c.Entity}}ContentTypeFor{{n}}(string fileName) =>
                ContentTypes{{n}}.TryGetValue(Path.GetExtension(fileName), out var type) ? type : "application/octet-stream";

            """);
    }

    private void Tags(SourceWriter w, TypeContext c, int n) => w.Block($$"""
        public static Dictionary<string, string> {{c.Entity}}Tags{{n}}(string tenant, string path) => new(StringComparer.Ordinal)
        {
            ["service"] = "contoso-{{c.DomainLower}}",
            ["tenant"] = tenant,
            ["path"] = path,
            ["env"] = Environment.GetEnvironmentVariable("CONTOSO_ENV") ?? "production",
        };

        """);

    private void DateWindow(SourceWriter w, TypeContext c, int n) => w.Block($$"""
        public static (DateTime From, DateTime To) {{c.Entity}}Window{{n}}(string day)
        {
            var start = DateTime.ParseExact(day, "{{Pick("yyyy-MM-dd", "dd.MM.yyyy", "MM/dd/yyyy")}}", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            var end = start.AddDays({{_rng.Next(1, 31)}}).AddTicks(-1);
            return (start, end);
        }

        """);

    private void JsonSample(SourceWriter w, TypeContext c, int n)
    {
        var id = $"{c.Entity[..Math.Min(3, c.Entity.Length)].ToLowerInvariant()}_01HV6Z{n:D3}";
        w.Block($$""""
            public const string {{c.Entity}}SampleJson{{n}} = """
                {
                  "id": "{{id}}",
                  "type": "{{c.EntityWords}}",
                  "createdAt": "2026-{{_rng.Next(1, 13):D2}}-{{_rng.Next(1, 29):D2}}T10:15:00Z",
                  "status": "{{Pick("approved", "pending", "archived", "draft")}}",
                  "amount": { "value": {{_rng.Next(100, 100_000)}}, "currency": "{{Pick("EUR", "GBP", "USD", "CHF")}}" },
                  "tags": ["{{Pick("priority", "bulk", "internal", "vip")}}", "{{c.DomainLower}}"],
                  "links": { "self": "https://api.contoso.com/v2/{{c.Plural}}/{{id}}" }
                }
                """;

            """");
    }

    private void Validate(SourceWriter w, TypeContext c, int n)
    {
        var pattern = Pick(@"^[A-Z]{2}-\d{6}$", @"^[0-9]{4}-[A-Z]{3}$", @"^[a-z0-9_]{3,32}$");
        w.Block($$"""
            public static IReadOnlyList<string> Validate{{c.Entity}}{{n}}(string? code, string? email, decimal amount)
            {
                var errors = new List<string>();
                if (string.IsNullOrWhiteSpace(code) || !Regex.IsMatch(code, @"{{pattern}}"))
                {
                    errors.Add("The {{c.EntityWords}} code has the wrong format.");
                }

                if (email is null || !email.Contains('@', StringComparison.Ordinal))
                {
                    errors.Add("A contact e-mail address is required for every {{c.EntityWords}}.");
                }

                if (amount is < 0 or > {{_rng.Next(1, 100) * 1000}}m)
                {
                    errors.Add($"Amount {amount.ToString("N2", CultureInfo.InvariantCulture)} is out of range for a {{c.EntityWords}}.");
                }

                return errors;
            }

            """);
    }

    private void ToCsv(SourceWriter w, TypeContext c, int n) => w.Block($$"""
        public static string {{c.Entity}}ToCsv{{n}}(IEnumerable<(string Id, DateTime When, decimal Amount)> rows)
        {
            var builder = new StringBuilder();
            builder.AppendLine("id;date;amount;currency");
            foreach (var (id, when, amount) in rows)
            {
                builder.Append(id).Append(';')
                    .Append(when.ToString("{{Pick("dd/MM/yyyy HH:mm", "yyyy-MM-dd", "u")}}", CultureInfo.InvariantCulture)).Append(';')
                    .Append(amount.ToString("0.00", CultureInfo.InvariantCulture)).AppendLine(";{{Pick("EUR", "GBP", "USD")}}");
            }

            return builder.ToString();
        }

        """);

    private void Consts(SourceWriter w, TypeContext c, int n) => w.Block($$"""
        public const string {{c.Entity}}Culture{{n}} = "{{Pick("en-US", "en-GB", "de-DE", "fr-FR", "nl-NL")}}";
        public const string {{c.Entity}}DateFormat{{n}} = "{{Pick("yyyy-MM-dd", "dd/MM/yyyy", "MMM d, yyyy")}}";
        public const string {{c.Entity}}Queue{{n}} = "contoso.{{c.DomainLower}}.{{c.Table}}.events";
        public const string {{c.Entity}}HelpUrl{{n}} = "https://docs.contoso.com/{{c.DomainLower}}/{{c.Plural}}#{{Pick("overview", "limits", "errors")}}";
        public const int {{c.Entity}}MaxRetries{{n}} = {{_rng.Next(2, 9)}};

        """);

    private void Sql(SourceWriter w, TypeContext c, int n) => w.Block($$"""
        private const string Select{{c.Entity}}Sql{{n}} = "SELECT id, status, created_at, updated_at FROM {{c.Table}} WHERE tenant_id = @tenant AND id = @id{{Pick("", " AND deleted_at IS NULL", " ORDER BY created_at DESC LIMIT 50")}}";

        public static Dictionary<string, object?> {{c.Entity}}Parameters{{n}}(string tenant, long id) => new(StringComparer.Ordinal)
        {
            ["@tenant"] = tenant,
            ["@id"] = id,
            ["@now"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };

        public static string Select{{c.Entity}}Command{{n}}() => Select{{c.Entity}}Sql{{n}};

        """);

    private void Endpoint(SourceWriter w, TypeContext c, int n)
    {
        var (verb, status, route) = _rng.Next(3) switch
        {
            0 => ("GET", 200, $"/api/v1/{c.Plural}/{{id}}"),
            1 => ("POST", 201, $"/api/v1/{c.Plural}"),
            _ => ("DELETE", 204, $"/api/v1/{c.Plural}/{{id}}"),
        };
        w.Block($$"""
            [Endpoint("{{verb}}", "{{route}}")]
            [Description("{{verb}} a {{c.EntityWords}} ({{Pick("requires the orders:write scope", "cached for 60 seconds", "rate limited to 100 requests per minute")}}).")]
            public static EndpointResult {{char.ToUpperInvariant(verb[0])}}{{verb[1..].ToLowerInvariant()}}{{c.Entity}}{{n}}(string id) =>
                new({{status}}, "application/json", JsonSerializer.Serialize(new { id, kind = "{{c.EntityWords}}", at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) }));

            """);
    }

    private void DtoProperty(SourceWriter w, TypeContext c, int n)
    {
        var unused = DtoProperties.Where(d => !c.UsedProperties.Contains(d.Json)).ToList();
        if (unused.Count == 0)
        {
            JsonSample(w, c, n);
            return;
        }

        var (json, pascal, type, value) = unused[_rng.Next(unused.Count)];
        c.UsedProperties.Add(json);
        w.Line($"[JsonPropertyName(\"{json}\")]");
        w.Line(value.Length == 0
            ? $"public {type} {pascal} {{ get; set; }}"
            : $"public {type} {pascal} {{ get; set; }} = {value};");
        w.Line();
    }

    private void OptionProperties(SourceWriter w, TypeContext c, int n) => w.Block($$"""
        public Uri {{c.Entity}}ServiceUrl{{n}} { get; set; } = new("https://{{c.DomainLower}}.internal.contoso.net/api/v3/");

        public string {{c.Entity}}ExportDirectory{{n}} { get; set; } = "/var/lib/contoso/exports/{{c.DomainLower}}";

        public string {{c.Entity}}Schedule{{n}} { get; set; } = "{{Pick("0 */15 * * * *", "0 0 2 * * *", "0 30 6 * * MON-FRI")}}";

        public TimeSpan {{c.Entity}}Timeout{{n}} { get; set; } = TimeSpan.FromSeconds({{_rng.Next(5, 120)}});

        public IReadOnlyList<string> {{c.Entity}}AllowedOrigins{{n}} { get; set; } = ["https://app.contoso.com", "https://admin.contoso.com"];

        """);

    private void Summarize(SourceWriter w, TypeContext c, int n) => w.Block($$"""
        public async Task<string> Summarize{{c.Entity}}{{n}}Async(string text, CancellationToken cancellationToken)
        {
            var request = new ChatRequest
            {
                Model = _models.ResolveModel("{{Pick("summarize", "chat-default", "cheap")}}"),
                Temperature = 0.2,
                MaxTokens = {{_rng.Next(2, 9) * 100}},
            };
            request.Messages.Add(new ChatMessage("system", "You summarise {{c.EntityWords}} records for the {{c.DomainLower}} team. Answer in three short bullet points."));
            request.Messages.Add(new ChatMessage("user", $"Summarise this {{c.EntityWords}}:\n{text}"));
            _logger.LogInformation("Sending {{c.EntityWords}} summary request ({Length} chars)", text.Length);
            return await _llm.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
        }

        """);

    private void Classify(SourceWriter w, TypeContext c, int n) => w.Block($$""""
        public async Task<string> Classify{{c.Entity}}{{n}}Async(string text, CancellationToken cancellationToken)
        {
            var prompt = $"""
                Classify the {{c.EntityWords}} below as one of: billing, shipping, product, account, other.
                Reply with the label only, in lower case.

                {text}
                """;
            var request = new ChatRequest { Model = _models.ResolveModel("classify"), Temperature = 0 };
            request.Messages.Add(new ChatMessage("user", prompt));
            var label = (await _llm.CompleteAsync(request, cancellationToken).ConfigureAwait(false)).Trim().ToLowerInvariant();
            _logger.LogDebug("{{c.Entity}} classified as {Label}", label);
            return label;
        }

        """");

    // ---- look-alikes that are not leaks -----------------------------------------------------------------------

    private void WriteNearMiss(SourceWriter w, TypeContext c, int n)
    {
        switch (_rng.Next(5))
        {
            case 0:
                w.Line($"public static Dictionary<string, string> {c.Entity}RouteTags{n}(string path) => new(StringComparer.Ordinal)");
                w.Line("{");
                w.Line($"    [\"service\"] = \"contoso-{c.DomainLower}\",");
                NearMissLine(c, w.Line("    [\"route\"] = path,"), "telemetry tag named route");
                w.Line("};");
                w.Line();
                break;
            case 1:
                w.Open($"public sealed class {c.Entity}PaymentMethod{n}");
                w.Line("[JsonPropertyName(\"provider\")]");
                NearMissLine(c, w.LineCount, "JSON property named provider (a payment provider)");
                w.Line("public string Provider { get; set; } = \"stripe\";");
                w.Close();
                w.Line();
                break;
            case 2:
                w.Line($"public static void Add{c.Entity}Referrer{n}(HttpRequestMessage request, Uri page)");
                w.Line("{");
                NearMissLine(c, w.Line("    request.Headers.TryAddWithoutValidation(\"Referer\", page.ToString());"), "standard Referer header");
                w.Line("}");
                w.Line();
                break;
            case 3:
                w.Line($"public static Dictionary<string, int> {c.Entity}ReportSections{n}(int models, int pages) => new(StringComparer.Ordinal)");
                w.Line("{");
                NearMissLine(c, w.Line("    [\"models\"] = models,"), "report section named models");
                w.Line("    [\"pages\"] = pages,");
                w.Line("};");
                w.Line();
                break;
            default:
                NearMissLine(c, w.Line($"public const string {c.Entity}ArchiveFolder{n} = \"exports/monthly\";"), "slug-shaped relative path");
                NearMissLine(c, w.Line($"public const string {c.Entity}Vendor{n} = \"acme/widgets:v2\";"), "slug-shaped image name");
                w.Line();
                break;
        }
    }

    private void NearMissLine(TypeContext c, int line, string form) => _nearMisses.Add(new NearMiss(c.Path, line, form));

    // ---- planted leaks ----------------------------------------------------------------------------------------

    private sealed record LeakForm(string[] Ids, string Name, bool BannedApiCanSee, string Text, bool ClassLevel = false, bool Attribute = false);

    private static LeakForm[] LeakForms(TypeContext c, int n) =>
    [
        new(["GW001"], "header literal in Headers.Add", true, "request.Headers.Add(\"HTTP-Referer\", siteUrl);"),
        new(["GW001"], "header literal in TryAddWithoutValidation", true, $"http.DefaultRequestHeaders.TryAddWithoutValidation(\"X-Title\", \"Contoso {c.Domain} Assistant\");"),
        new(["GW001"], "header name as dictionary key", false, $"trace.Add(new Dictionary<string, string>(StringComparer.Ordinal) {{ [\"X-OpenRouter-Title\"] = \"Contoso {c.Domain}\" }});"),
        new(["GW001"], "adapter's header const used outside", true, "http.DefaultRequestHeaders.Add(OpenRouterAdapter.RefererHeader, siteUrl);"),
        new(["GW001"], "header name in a local const field", false, $"private const string AttributionHeader{n} = \"X-Title\";", ClassLevel: true),
        new(["GW002"], "slug literal assigned", false, "chat.Model = \"anthropic/claude-sonnet-4.6\";"),
        new(["GW002"], "two slugs in a conditional", false, "chat.Model = useFree ? \"openai/gpt-4o:free\" : \"openrouter/auto\";"),
        new(["GW002"], "adapter's model const used outside", true, "chat.Model = OpenRouterAdapter.DefaultModel;"),
        new(["GW002"], "slug built by concatenation", false, "chat.Model = \"anthropic/\" + \"claude-3.5-haiku\";"),
        new(["GW002"], "slugs in a collection initializer", false, "trace.Add(new List<string> { \"anthropic/claude-sonnet-4.6\", \"google/gemini-2.5-pro\", \"meta-llama/llama-3.3-70b-instruct:nitro\" });"),
        new(["GW002"], "slug as attribute argument", false, "[Description(\"openrouter/auto\")]", Attribute: true),
        new(["GW003"], "endpoint literal as BaseAddress", true, "http.BaseAddress = new Uri(\"https://openrouter.ai/api/v1/\");"),
        new(["GW003"], "adapter's endpoint const in an interpolation", true, "trace.Add($\"{OpenRouterAdapter.BaseUrl}/chat/completions\");"),
        new(["GW003"], "endpoint literal in new Uri", false, "trace.Add(new Uri(\"https://openrouter.ai/api/v1/models\"));"),
        new(["GW003"], "endpoint in a local const field", false, $"private const string GatewayEndpoint{n} = \"https://openrouter.ai/api/v1/chat/completions\";", ClassLevel: true),
        new(["GW004"], "provider preferences in ExtraBody", true, "chat.ExtraBody[\"provider\"] = new Dictionary<string, object?>(StringComparer.Ordinal) { [\"order\"] = new[] { \"anthropic\", \"openai\" }, [\"allow_fallbacks\"] = false };"),
        new(["GW004"], "transforms in ExtraBody", true, "chat.ExtraBody[\"transforms\"] = new[] { \"middle-out\" };"),
        new(["GW004", "GW002"], "models fallback list in ExtraBody", true, "chat.ExtraBody[\"models\"] = new[] { \"anthropic/claude-sonnet-4.6\", \"openai/gpt-4o\" };"),
        new(["GW004"], "anonymous object with route and data_collection", false, "trace.Add(JsonSerializer.Serialize(new { model = chat.Model, route = \"fallback\", data_collection = \"deny\" }));"),
        new(["GW004"], "provider preferences in a raw JSON string", false, "trace.Add(\"\"\"{ \"provider\": { \"data_collection\": \"deny\", \"allow_fallbacks\": true } }\"\"\");"),
        new(["GW004"], "JsonPropertyName(\"data_collection\") on a DTO", false, $"public sealed class GatewayExtras{n} {{ [JsonPropertyName(\"data_collection\")] public string? DataCollection {{ get; set; }} }}", ClassLevel: true),
    ];

    private void WriteLeaks(SourceWriter w, TypeContext c, int n)
    {
        var forms = LeakForms(c, n).OrderBy(_ => _rng.Next()).Take(_rng.Next(1, 4)).ToList();
        foreach (var form in forms.Where(f => f.ClassLevel))
        {
            Plant(c, w.Line(form.Text), form);
            w.Line();
        }

        foreach (var form in forms.Where(f => f.Attribute))
        {
            Plant(c, w.Line(form.Text), form);
        }

        w.Line($"public static string Prepare{c.Entity}AssistantCall{n}(HttpClient http, ChatRequest chat, string siteUrl, bool useFree)");
        w.Line("{");
        w.Line("    using var request = new HttpRequestMessage(HttpMethod.Post, \"chat/completions\");");
        w.Line("    var trace = new List<object?>();");
        foreach (var form in forms.Where(f => !f.ClassLevel && !f.Attribute))
        {
            Plant(c, w.Line("    " + form.Text), form);
        }

        w.Line("    trace.Add(request.Headers.Count());");
        w.Line("    return $\"{chat.Model}:{trace.Count}:{useFree}:{siteUrl.Length}:{http.Timeout}\";");
        w.Line("}");
        w.Line();
    }

    private void Plant(TypeContext c, int line, LeakForm form) =>
        _leaks.Add(new PlantedLeak(c.Path, line, form.Ids, form.Name, form.BannedApiCanSee));

    private string Pick(params string[] choices) => choices[_rng.Next(choices.Length)];

    // ---- fixed files: infrastructure, the LLM abstraction and the adapter -------------------------------------

    private IEnumerable<(string Path, string Text)> FixedFiles()
    {
        var header = $"// Synthetic code for the gateway-audit analyzer benchmark (seed {_seed}); Contoso is fictional.\n";
        yield return ("Infrastructure/IAppLogger.cs", header + """
            namespace Contoso.Agents.Infrastructure;

            /// <summary>The logging abstraction every service takes (message templates, structured arguments).</summary>
            public interface IAppLogger
            {
                void LogDebug(string template, params object?[] args);

                void LogInformation(string template, params object?[] args);

                void LogWarning(string template, params object?[] args);

                void LogError(Exception? exception, string template, params object?[] args);
            }

            """);
        yield return ("Infrastructure/Endpoint.cs", header + """
            namespace Contoso.Agents.Infrastructure;

            /// <summary>Maps a static method to an HTTP route.</summary>
            [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
            public sealed class EndpointAttribute(string method, string template) : Attribute
            {
                public string Method { get; } = method;

                public string Template { get; } = template;
            }

            /// <summary>What an endpoint returns.</summary>
            public sealed record EndpointResult(int Status, string ContentType, string Body);

            """);
        yield return ("Llm/Chat.cs", header + """
            namespace Contoso.Agents.Llm;

            /// <summary>One chat message.</summary>
            public sealed record ChatMessage(string Role, string Content);

            /// <summary>A gateway-neutral chat request. Gateway-only fields go into ExtraBody, and only the adapter sets them.</summary>
            public sealed class ChatRequest
            {
                public string Model { get; set; } = string.Empty;

                public List<ChatMessage> Messages { get; } = [];

                public double? Temperature { get; set; }

                public int? MaxTokens { get; set; }

                public Dictionary<string, object?> ExtraBody { get; } = new(StringComparer.Ordinal);
            }

            /// <summary>Sends chat requests; the only implementation that knows the gateway is the adapter.</summary>
            public interface ILlmClient
            {
                Task<string> CompleteAsync(ChatRequest request, CancellationToken cancellationToken);
            }

            /// <summary>Maps the application's model aliases ("summarize", "classify") to what the gateway expects.</summary>
            public interface IModelCatalog
            {
                string ResolveModel(string alias);
            }

            """);
        yield return ("Llm/Gateway/GatewayAdapterAttribute.cs", header + """
            namespace Contoso.Agents.Llm.Gateway;

            /// <summary>Marks the types allowed to know gateway details (the analyzer looks for an attribute of this name).</summary>
            [AttributeUsage(AttributeTargets.Class, Inherited = false)]
            public sealed class GatewayAdapterAttribute : Attribute
            {
            }

            """);
        yield return ("Llm/Gateway/OpenRouterAdapter.cs", header + """"
            using System.Text;
            using System.Text.Json;

            namespace Contoso.Agents.Llm.Gateway;

            /// <summary>The one place that knows the agent talks to OpenRouter: base URL, attribution headers, model slugs, request fields.</summary>
            [GatewayAdapter]
            public sealed class OpenRouterAdapter : ILlmClient, IModelCatalog
            {
                public const string BaseUrl = "https://openrouter.ai/api/v1";
                public const string RefererHeader = "HTTP-Referer";
                public const string TitleHeader = "X-OpenRouter-Title";
                public const string LegacyTitleHeader = "X-Title";
                public const string DefaultModel = "anthropic/claude-sonnet-4.6";
                public const string FallbackModel = "openai/gpt-4o:free";
                public const string AutoModel = "openrouter/auto";

                public const string ProviderPreferencesJson = """
                    {
                      "provider": { "order": ["anthropic", "openai"], "allow_fallbacks": true, "data_collection": "deny" },
                      "models": ["anthropic/claude-sonnet-4.6", "openai/gpt-4o:free"],
                      "transforms": ["middle-out"],
                      "route": "fallback"
                    }
                    """;

                private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
                {
                    ["chat-default"] = DefaultModel,
                    ["summarize"] = "anthropic/claude-3.5-haiku",
                    ["classify"] = "openai/gpt-4o-mini",
                    ["extract"] = "google/gemini-2.5-flash",
                    ["cheap"] = FallbackModel,
                    ["auto"] = AutoModel,
                    ["reasoning"] = "deepseek/deepseek-r1:nitro",
                };

                private readonly HttpClient _http;

                public OpenRouterAdapter(HttpClient http, string siteUrl, string appName)
                {
                    _http = http;
                    _http.BaseAddress = new Uri(BaseUrl + "/");
                    _http.DefaultRequestHeaders.Add(RefererHeader, siteUrl);
                    _http.DefaultRequestHeaders.Add(TitleHeader, appName);
                    _http.DefaultRequestHeaders.TryAddWithoutValidation(LegacyTitleHeader, appName);
                }

                public string ResolveModel(string alias) => Aliases.TryGetValue(alias, out var slug) ? slug : DefaultModel;

                public async Task<string> CompleteAsync(ChatRequest request, CancellationToken cancellationToken)
                {
                    var body = new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["model"] = request.Model,
                        ["messages"] = request.Messages.Select(m => new { role = m.Role, content = m.Content }).ToArray(),
                        ["models"] = new[] { request.Model, FallbackModel },
                        ["route"] = "fallback",
                        ["transforms"] = new[] { "middle-out" },
                        ["provider"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                        {
                            ["order"] = new[] { "anthropic", "openai" },
                            ["allow_fallbacks"] = true,
                            ["data_collection"] = "deny",
                        },
                    };
                    foreach (var (key, value) in request.ExtraBody)
                    {
                        body[key] = value;
                    }

                    using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
                    using var response = await _http.PostAsync(new Uri("chat/completions", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                    return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            """");
        yield return ("Llm/Gateway/OpenRouterRequestFactory.cs", header + """
            namespace Contoso.Agents.Llm.Gateway;

            /// <summary>Builds gateway requests. No attribute: exempt through gateway_audit.adapter_types = Contoso.Agents.Llm.Gateway.*</summary>
            public static class OpenRouterRequestFactory
            {
                public static ChatRequest Create(string alias, string prompt, bool allowFallbacks)
                {
                    var request = new ChatRequest { Model = alias == "cheap" ? "openai/gpt-4o:free" : "anthropic/claude-sonnet-4.6" };
                    request.Messages.Add(new ChatMessage("user", prompt));
                    request.ExtraBody["provider"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["allow_fallbacks"] = allowFallbacks,
                        ["data_collection"] = "deny",
                    };
                    request.ExtraBody["transforms"] = new[] { "middle-out" };
                    return request;
                }
            }

            """);
        yield return ("Llm/Legacy/LegacyOpenRouterClient.cs", header + """
            namespace Contoso.Agents.Llm.Legacy;

            /// <summary>The old client, kept for one release. Exempt by exact name in gateway_audit.adapter_types.</summary>
            public sealed class LegacyOpenRouterClient
            {
                private const string Endpoint = "https://openrouter.ai/api/v1/chat/completions";

                public static HttpRequestMessage CreateRequest(string siteUrl, string title)
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, Endpoint);
                    request.Headers.Add("HTTP-Referer", siteUrl);
                    request.Headers.Add("X-Title", title);
                    return request;
                }
            }

            """);
    }
}
