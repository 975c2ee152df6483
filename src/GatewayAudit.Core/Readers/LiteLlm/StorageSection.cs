using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;
using static GatewayAudit.Core.Readers.LiteLlm.LiteLlmConfigReader;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// Where the proxy keeps data: its Postgres (keys, budgets, spend logs and, when switched on, prompts), the response
/// cache, and the router's Redis.
/// </summary>
internal sealed class StorageSection(LiteLlmRead read) : LiteLlmSection(read)
{
    public override void Read()
    {
        ReadDatabase();
        ReadCache();
        ReadRouterRedis();
    }

    private void ReadDatabase()
    {
        var urlNode = Values.Text(General, "database_url", "general_settings.database_url", "text (a postgresql:// URL, or os.environ/NAME)");
        YamlScalar? node = urlNode;
        string? url = null;
        if (urlNode is not null)
        {
            url = Values.Resolve(urlNode).Value;
            node = Values.Resolve(urlNode).Node;
        }
        else if (Values.Environment.TryGetValue("DATABASE_URL", out var envUrl) && !NotGivenToProxy(envUrl))
        {
            node = envUrl;
            url = envUrl.Value;
        }
        else if (State.ProcessShown is { } shown && !DatabaseVariables.Any(v => shown.Variables.Contains(v) || (Values.Environment.TryGetValue(v, out var own) && !Values.IsFromElsewhere(own))))
        {
            NoDatabase(shown);
            return;
        }

        var implied = false;
        if (node is null)
        {
            // Spend-log settings only act on a database; their presence says one is wired through DATABASE_URL.
            // (disable_spend_logs says nothing either way: it is often set precisely where no database is used.)
            node = new[] { "store_prompts_in_spend_logs", "store_model_in_db" }
                .Where(k => General[k] is YamlScalar v && v.AsBool() == true).Select(k => General.KeyNode(k))
                .Append(General.KeyNode("maximum_spend_logs_retention_period")).FirstOrDefault(k => k is not null);
            implied = node is not null;
        }

        if (node is null)
        {
            Model.OpenQuestions.Add(new OpenQuestion("Postgres",
                "No database_url in the config: is DATABASE_URL set in the proxy's environment? If so, a Postgres holds keys, budgets and spend logs.", Values.At(Root)));
            return;
        }

        var at = Values.At(node);
        var db = LiteLlmDatastores.AddPostgres(Model, at);
        if (urlNode is not null && !ReferenceEquals(urlNode, node))
        {
            // database_url: os.environ/DATABASE_URL resolved in a deployment file: both lines are evidence.
            db.Evidence.Add(Values.At(urlNode));
        }

        HostClassifier.Classify(db, url is null ? null : Values.CheckUrlPassword("general_settings.database_url", node, url), "Postgres", at);
        if (implied)
        {
            db.Notes.Add("database_url is not in the config, but spend-log settings are: the database comes from DATABASE_URL in the proxy's environment.");
        }

        var categories = new List<DataCategory>(LiteLlmDatastores.PostgresCategories);
        var spendLogsOff = Values.Bool(General, "disable_spend_logs", "general_settings.disable_spend_logs") == true;
        var prompts = Values.Bool(General, "store_prompts_in_spend_logs", "general_settings.store_prompts_in_spend_logs") == true;
        SetRead(db, "spendLogs", !spendLogsOff, General, "disable_spend_logs");
        SetRead(db, "storePromptsInSpendLogs", prompts, General, "store_prompts_in_spend_logs");
        Evidence(db, General, "disable_spend_logs", "store_prompts_in_spend_logs", "store_model_in_db", "maximum_spend_logs_retention_period");
        if (prompts && !spendLogsOff)
        {
            categories.Add(DataCategory.Prompt);
            categories.Add(DataCategory.Completion);
            db.Notes.Add("store_prompts_in_spend_logs is on: prompts and responses are stored in the spend-log table.");
        }

        if (Values.Bool(General, "store_model_in_db", "general_settings.store_model_in_db") == true)
        {
            SetRead(db, "storeModelInDb", true, General, "store_model_in_db");
            db.Notes.Add("store_model_in_db is on: model deployments and their provider credentials are stored in the database.");
            Model.OpenQuestions.Add(LiteLlmDatastores.StoreModelInDbQuestion(Values.At(General.KeyNode("store_model_in_db")!)));
        }

        if (Values.Scalar(General, "maximum_spend_logs_retention_period", "general_settings.maximum_spend_logs_retention_period") is { } retention)
        {
            var text = Values.Resolve(retention).Value;
            var days = text is null ? null : ParseDuration(text);
            if (text is not null && days is null)
            {
                Values.Error("wrong-type", "'general_settings.maximum_spend_logs_retention_period' must be a duration such as 30d, 12h or 2w", retention);
            }

            // Only a valid duration is echoed: anything else is already an error and may be a pasted secret.
            var shown = text is null ? "(set by environment)" : days is null ? "(an invalid period)" : text;
            db.Retention = new Sourced<Retention>(new Retention($"spend logs deleted after {shown}", days), Values.At(retention));
        }
        else if (!spendLogsOff)
        {
            db.Attributes.Set("retentionUnbounded", true);
            db.Notes.Add("No maximum_spend_logs_retention_period: spend-log rows are kept until someone deletes them.");
        }

        LiteLlmDatastores.ConnectPostgres(Model, categories, at);
        AskWhereItRuns(db.Id, "Postgres", "this Postgres", at);
        Model.OpenQuestions.Add(new OpenQuestion("Postgres", "How long are this Postgres's backups kept, and where?", at));
    }

    /// <summary>
    /// A DATABASE_URL read from a .env file of the stack that the process shown whole is not given (compose reads a
    /// .env beside it only to fill ${VAR}): it connects nothing. One the config's environment_variables sets counts.
    /// </summary>
    private bool NotGivenToProxy(YamlScalar value) =>
        State.ProcessShown is { } shown && Values.IsFromElsewhere(value) && !shown.Variables.Contains("DATABASE_URL");

    /// <summary>
    /// The variables LiteLLM builds its database connection from: DATABASE_URL, or DATABASE_HOST with DATABASE_USERNAME,
    /// DATABASE_PASSWORD and DATABASE_NAME (litellm/proxy/proxy_cli.py), any of which set means a database may be wired.
    /// </summary>
    private static readonly string[] DatabaseVariables = ["DATABASE_URL", "DATABASE_HOST"];

    /// <summary>
    /// The process that runs this config is shown whole and is given no DATABASE_URL, and the config sets no
    /// database_url: LiteLLM connects no database ("the proxy Dockerfile checks if the DATABASE_URL is set and then
    /// initializes the DB connection", https://docs.litellm.ai/docs/proxy/virtual_keys, read 2026-11-30), so it keeps no
    /// keys, budgets or spend logs, and spend-log settings act on nothing. Said on the proxy as a fact with its evidence, with no Postgres party and no question about one.
    /// </summary>
    private void NoDatabase(ShownProcessEnvironment shown)
    {
        var settings = new[] { "store_prompts_in_spend_logs", "store_model_in_db", "maximum_spend_logs_retention_period", "disable_spend_logs" }
            .Select(k => General.KeyNode(k)).OfType<YamlScalar>().ToList();
        var idle = settings.Count == 0 ? ""
            : $" The spend-log settings {string.Join(", ", settings.Select(k => $"{k.Value} ({Values.At(k)})"))} therefore act on nothing.";
        Gateway.Notes.Add($"No spend-log database: the config sets no general_settings.database_url and the {shown.Process} that runs it "
            + $"({shown.At}) is given no DATABASE_URL, so the proxy connects no Postgres and writes no spend logs, keys or budgets to one.{idle}");
        Gateway.Attributes.Set("spendLogDatabase", false, shown.At);
    }

    /// <summary>
    /// Who runs a datastore and where, asked only while the stack does not say: the report drops the question once
    /// the host is known (operator network, a catalog vendor) and the region is known (in the host, or the operator's).
    /// </summary>
    private void AskWhereItRuns(string id, string subject, string what, SourceLocation at)
    {
        Model.OpenQuestions.Add(new OpenQuestion(subject, $"Who hosts {what}, and in which region?", at) { About = id, OpenWhile = OpenWhile.HostingUnknown });
        Model.OpenQuestions.Add(new OpenQuestion(subject, $"In which region does {what} run? Its host does not name one.", at) { About = id, OpenWhile = OpenWhile.RegionUnknown });
    }

    private void ReadCache()
    {
        var enabled = Values.Bool(LiteLlm, "cache", "litellm_settings.cache");
        var parameters = Values.Mapping(LiteLlm, "cache_params", "litellm_settings.cache_params");
        if (enabled != true)
        {
            if (parameters is not null && enabled is null)
            {
                Values.Warning("litellm-cache-off", "cache_params is set but litellm_settings.cache is not true, so LiteLLM does not cache", parameters);
            }

            return;
        }

        var type = parameters is null ? null : Values.Text(parameters, "type", "litellm_settings.cache_params.type", "text (redis, s3, qdrant-semantic, ...)");
        var typeReference = type is null ? null : Values.Resolve(type).Reference;
        var typeText = type is null ? LiteLlmDatastores.DefaultCacheType : Values.Resolve(type).Value ?? "from-environment";
        var at = Values.At(type ?? (YamlNode?)parameters ?? LiteLlm.KeyNode("cache")!);
        var known = LiteLlmDatastores.CacheTypes.GetValueOrDefault(typeText);
        if (known is null && type is not null && typeReference is null)
        {
            Values.Warning("litellm-unknown-cache", $"cache type '{ConfigValues.Shown(typeText)}' is not one gateway-audit knows; listed with unknown hosting", type);
        }

        var (name, vendor, hosting, semantic) = known is not null ? (known.Name, known.Vendor, known.Hosting, known.Semantic)
            : typeReference is not null ? ($"Response cache (type set by ${typeReference})", (string?)null, Hosting.Unknown, false)
            : ($"Response cache '{typeText}'", null, Hosting.Unknown, false);
        var cache = Model.Add(new Component
        {
            Id = CacheId,
            Name = name,
            Role = ComponentRole.Cache,
            Vendor = vendor,
            Hosting = hosting,
            Evidence = { at },
            Notes = { semantic ? "Stores completions and embeddings of the prompts that produced them." : "Stores completions keyed by a hash of the request." },
        });
        cache.Attributes.Set("type", typeText);
        cache.Attributes.Set("semantic", semantic);
        if (type is null)
        {
            cache.Notes.Add("cache: true without cache_params.type: LiteLLM's default cache type, Redis (litellm/proxy/proxy_server.py).");
        }

        if (parameters is not null)
        {
            Values.CheckSecretKeys(parameters, "litellm_settings.cache_params");
            var hostNode = Values.Text(parameters, "host", "litellm_settings.cache_params.host", "text (a host name or address, or os.environ/NAME)")
                ?? Values.Text(parameters, "qdrant_api_base", "litellm_settings.cache_params.qdrant_api_base", "text (a URL, or os.environ/NAME)")
                ?? Values.Text(parameters, "url", "litellm_settings.cache_params.url", "text (a URL, or os.environ/NAME)")
                ?? Values.Text(parameters, "redis_url", "litellm_settings.cache_params.redis_url", "text (a redis:// URL, or os.environ/NAME)");
            if (hostNode is not null && cache.Hosting == Hosting.Unknown)
            {
                HostClassifier.Classify(cache, Values.Resolve(hostNode).Value is { } h ? Values.CheckUrlPassword("litellm_settings.cache_params", hostNode, h) : null, name, Values.At(hostNode));
            }
            else if (typeText is "redis" or "redis-semantic")
            {
                ReadRedisHostFromEnvironment(cache, name);
            }

            ReadBucket(cache, parameters, "litellm_settings.cache_params", "s3_bucket_name", "s3_region_name", "s3_endpoint_url");
            var ttl = Values.Number(parameters, "ttl", "litellm_settings.cache_params.ttl");
            if (ttl < 0)
            {
                // A negative ttl bounds nothing; "expires after -5 seconds" would read as a bound.
                Values.Error("wrong-type", "'litellm_settings.cache_params.ttl' must be a number of seconds, 0 or more", parameters["ttl"]!);
                ttl = null;
            }

            if (ttl is not null)
            {
                cache.Retention = new Sourced<Retention>(new Retention($"entries expire after {FormatSeconds(ttl.Value)} (ttl)", ttl.Value / 86_400.0), Values.At(parameters["ttl"]!));
                cache.Attributes.Set("ttlSeconds", ttl.Value, Values.At(parameters["ttl"]!));
            }
        }

        else if (typeText == LiteLlmDatastores.DefaultCacheType)
        {
            ReadRedisHostFromEnvironment(cache, name);
        }

        if (cache.Retention is null && typeText != "local")
        {
            cache.Attributes.Set("retentionUnbounded", true);
            cache.Notes.Add("No ttl in cache_params: entries stay until evicted or deleted.");
        }

        AskWhereItRuns(CacheId, name, "this cache", at);

        DataCategory[] categories = semantic
            ? [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata]
            : [DataCategory.Completion, DataCategory.Metadata];
        Model.Connect(GatewayId, CacheId, categories, at).Attributes.Set("kind", "cache");
    }

    /// <summary>The Redis address LiteLLM reads from REDIS_HOST when cache_params names none; unknown when the stack does not set it.</summary>
    private void ReadRedisHostFromEnvironment(Component cache, string name)
    {
        if (Values.Environment.TryGetValue("REDIS_HOST", out var envHost) && !ConfigValues.IsReference(envHost.Value))
        {
            HostClassifier.Classify(cache, envHost.Value, name, Values.At(envHost));
        }
        else
        {
            HostClassifier.Classify(cache, null, "Redis (REDIS_HOST)");
        }
    }

    private void ReadRouterRedis()
    {
        var hostKey = Router.ContainsKey("redis_host") ? "redis_host" : "redis_url";
        var hostNode = Values.TextUnder(Router, hostKey, "router_settings", hostKey == "redis_host" ? "text (a host name or address, or os.environ/NAME)" : "text (a redis:// URL, or os.environ/NAME)");
        if (hostNode is null)
        {
            return;
        }

        var redis = Model.Add(new Component
        {
            Id = RouterRedisId,
            Name = "Router Redis (rate limits, usage, cooldowns)",
            Role = ComponentRole.Datastore,
            Evidence = { Values.At(hostNode) },
            Notes = { "Shared state between proxy replicas; on the request path for rate limiting." },
        });
        var host = Values.Resolve(hostNode).Value;
        HostClassifier.Classify(redis, host is null ? null : Values.CheckUrlPassword($"router_settings.{hostKey}", hostNode, host), "Router Redis", Values.At(hostNode));
        foreach (var key in new[] { "redis_url", "redis_password" })
        {
            // Both keys can carry a credential even when redis_host names the server.
            if (key != hostKey && Values.TextUnder(Router, key, "router_settings", key == "redis_password" ? "text (the password, or os.environ/NAME)" : "text (a redis:// URL, or os.environ/NAME)", numberAllowed: key == "redis_password") is { } extra)
            {
                if (key == "redis_password")
                {
                    Values.CheckSecret("router_settings.redis_password", extra);
                }
                else if (Values.Resolve(extra).Value is { } url)
                {
                    Values.CheckUrlPassword("router_settings.redis_url", extra, url);
                }
            }
        }

        Model.Connect(GatewayId, RouterRedisId, [DataCategory.Metadata, DataCategory.Usage], Values.At(hostNode)).Attributes.Set("kind", "coordination");
        Gateway.Attributes.Set("redisOnHotPath", true, Values.At(hostNode));
    }
}
