using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using static GatewayAudit.Core.Tests.ReaderHarness;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>Postgres, caches and the router's Redis: where requests and their metadata are kept, and for how long.</summary>
public sealed class LiteLlmStorageTests
{
    private const string Head = """
        model_list:
          - model_name: m
            litellm_params: {model: openai/gpt-4o}
        # settings under test start on line 5

        """;

    private static Component Postgres(StackModel model) => model.Get(LiteLlmConfigReader.PostgresId);

    private static Flow ToPostgres(StackModel model) => model.Flow(LiteLlmConfigReader.GatewayId, LiteLlmConfigReader.PostgresId);

    [Fact]
    public void Database_url_with_a_literal_password_is_a_redacted_secret_and_the_host_decides_hosting()
    {
        var result = Read(Head + """
            general_settings:
              database_url: postgresql://llmproxy:pg-Local-4417x@localhost:5432/litellm
            """);
        var db = Postgres(result.Fragment);
        Assert.Equal(Hosting.OperatorHosted, db.Hosting);
        Assert.Equal("localhost", db.Attributes["host"]);
        var secret = Assert.Single(result.Fragment.Secrets);
        Assert.Equal(("general_settings.database_url", 6), (secret.Key, secret.Location.Line));
        Assert.Equal("postgresql://llmproxy:****@localhost:5432/litellm", secret.Redacted);
        Assert.Equal("metadata,credentials,usage", ToPostgres(result.Fragment).Categories());
        Assert.Null(secret.WellKnown);
        Assert.Equal("****", result.Secrets.Scrub("pg-Local-4417x"));
    }

    [Fact]
    public void Database_url_as_env_reference_is_hosting_unknown_and_no_secret()
    {
        var result = Read(Head + """
            general_settings:
              database_url: os.environ/DATABASE_URL
            """);
        Assert.Equal(Hosting.Unknown, Postgres(result.Fragment).Hosting);
        Assert.Empty(result.Fragment.Secrets);
        Assert.Contains(Postgres(result.Fragment).Notes, n => n.Contains("environment", StringComparison.Ordinal));
    }

    [Fact]
    public void Database_url_resolved_from_environment_variables_reports_the_password_once()
    {
        var result = Read(Head + """
            environment_variables:
              DATABASE_URL: postgres://app:s3cretpass@db.internal:5432/litellm
            general_settings:
              database_url: os.environ/DATABASE_URL
            """);
        var secret = Assert.Single(result.Fragment.Secrets);
        Assert.Equal(6, secret.Location.Line);
        Assert.Equal(Hosting.OperatorHosted, Postgres(result.Fragment).Hosting);
    }

    [Fact]
    public void Rds_host_is_matched_to_aws_rds_by_the_catalog()
    {
        var model = ReadClean(Head + """
            general_settings:
              database_url: postgresql://litellm@claims-db.abc123.eu-central-1.rds.amazonaws.com:5432/litellm
            """, enrich: true);
        var db = Postgres(model);
        Assert.Equal(("aws-rds", Hosting.ThirdParty), (db.Vendor, db.Hosting));
        Assert.Equal(("eu-central-1", 6), (db.Region!.Value, db.Region.Evidence.Line));
    }

    [Fact]
    public void Public_database_host_unknown_to_the_catalog_stays_unknown()
    {
        var model = ReadClean(Head + """
            general_settings:
              database_url: postgresql://litellm@pg.example.net:5432/litellm
            """, enrich: true);
        Assert.Equal((null, Hosting.Unknown), (Postgres(model).Vendor, Postgres(model).Hosting));
    }

    [Fact]
    public void Store_prompts_in_spend_logs_puts_prompts_in_postgres()
    {
        var model = ReadClean(Head + """
            general_settings:
              database_url: os.environ/DATABASE_URL
              store_prompts_in_spend_logs: true
            """);
        Assert.Equal("prompt,completion,metadata,credentials,usage", ToPostgres(model).Categories());
        Assert.Equal(true, Postgres(model).Attributes["storePromptsInSpendLogs"]);
        Assert.Contains($"{Cfg}:7", Postgres(model).Lines());
    }

    [Fact]
    public void Disable_spend_logs_wins_over_store_prompts()
    {
        var model = ReadClean(Head + """
            general_settings:
              database_url: os.environ/DATABASE_URL
              store_prompts_in_spend_logs: true
              disable_spend_logs: true
            """);
        Assert.Equal("metadata,credentials,usage", ToPostgres(model).Categories());
        Assert.Equal(false, Postgres(model).Attributes["spendLogs"]);
        Assert.False(Postgres(model).Attributes.ContainsKey("retentionUnbounded"));
    }

    [Fact]
    public void Spend_log_settings_without_database_url_still_list_the_database()
    {
        var model = ReadClean(Head + """
            general_settings:
              store_prompts_in_spend_logs: true
            """);
        var db = Postgres(model);
        Assert.Equal(Hosting.Unknown, db.Hosting);
        Assert.Contains($"{Cfg}:6", db.Lines());
        Assert.Contains("prompt", ToPostgres(model).Categories(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("disable_spend_logs: true")]
    [InlineData("store_prompts_in_spend_logs: false")]
    public void Settings_that_imply_no_database_do_not_invent_one(string setting)
    {
        var model = ReadClean(Head + $"general_settings:\n  {setting}\n");
        Assert.Null(model.Find(LiteLlmConfigReader.PostgresId));
    }

    [Fact]
    public void No_database_at_all_is_an_open_question()
    {
        var model = ReadClean(Head);
        Assert.Null(model.Find(LiteLlmConfigReader.PostgresId));
        Assert.Contains(model.OpenQuestions, q => q.Subject == "Postgres" && q.Question.Contains("DATABASE_URL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("30d", 30.0)]
    [InlineData("12h", 0.5)]
    [InlineData("2w", 14.0)]
    [InlineData("1mo", 30.0)]
    [InlineData("90m", 0.0625)]
    public void Spend_log_retention_period_bounds_retention(string period, double days)
    {
        var model = ReadClean(Head + $"""
            general_settings:
              database_url: os.environ/DATABASE_URL
              maximum_spend_logs_retention_period: {period}
            """);
        var retention = Postgres(model).Retention!;
        Assert.Equal(days, retention.Value.Days!.Value, 6);
        Assert.Equal(7, retention.Evidence.Line);
        Assert.Contains(period, retention.Value.Description, StringComparison.Ordinal);
        Assert.False(Postgres(model).Attributes.ContainsKey("retentionUnbounded"));
    }

    [Fact]
    public void No_retention_period_is_unbounded()
    {
        var model = ReadClean(Head + """
            general_settings:
              database_url: os.environ/DATABASE_URL
            """);
        Assert.Equal(true, Postgres(model).Attributes["retentionUnbounded"]);
        Assert.Null(Postgres(model).Retention);
    }

    [Fact]
    public void Bad_retention_period_is_an_error_naming_key_and_line()
    {
        var result = Read(Head + """
            general_settings:
              database_url: os.environ/DATABASE_URL
              maximum_spend_logs_retention_period: forever
            """);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, 7), (error.Severity, error.Location.Line));
        Assert.Contains("maximum_spend_logs_retention_period", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("forever", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Store_model_in_db_is_noted()
    {
        var model = ReadClean(Head + """
            general_settings:
              database_url: os.environ/DATABASE_URL
              store_model_in_db: true
            """);
        Assert.Equal(true, Postgres(model).Attributes["storeModelInDb"]);
    }

    // type, id-independent expectations: name fragment, hosting, vendor, semantic
    public static TheoryData<string, string, Hosting, string?, bool> CacheTypes() => new()
    {
        { "redis", "Redis response cache", Hosting.Unknown, null, false },
        { "redis-semantic", "Redis semantic cache", Hosting.Unknown, null, true },
        { "valkey-semantic", "Valkey semantic cache", Hosting.Unknown, null, true },
        { "qdrant-semantic", "Qdrant semantic cache", Hosting.Unknown, null, true },
        { "s3", "Amazon S3 response cache", Hosting.ThirdParty, "aws-s3", false },
        { "gcs", "Google Cloud Storage response cache", Hosting.ThirdParty, "google-cloud-storage", false },
        { "azure-blob", "Azure Blob Storage response cache", Hosting.ThirdParty, "azure-blob-storage", false },
        { "disk", "Disk response cache", Hosting.OperatorHosted, null, false },
        { "local", "In-memory response cache", Hosting.OperatorHosted, null, false },
    };

    [Theory]
    [MemberData(nameof(CacheTypes))]
    public void Every_cache_type_is_a_cache_component(string type, string name, Hosting hosting, string? vendor, bool semantic)
    {
        var model = ReadClean(Head + $"""
            litellm_settings:
              cache: true
              cache_params:
                type: {type}
            """);
        var cache = model.Get(LiteLlmConfigReader.CacheId);
        Assert.StartsWith(name, cache.Name, StringComparison.Ordinal);
        Assert.Equal((ComponentRole.Cache, hosting, vendor, semantic), (cache.Role, cache.Hosting, cache.Vendor, (bool)cache.Attributes["semantic"]!));
        Assert.Equal(new[] { $"{Cfg}:8" }, cache.Lines());
        var flow = model.Flow(LiteLlmConfigReader.GatewayId, LiteLlmConfigReader.CacheId);
        Assert.Equal(semantic ? "prompt,completion,metadata" : "completion,metadata", flow.Categories());
        Assert.Equal(type != "local", cache.Attributes.ContainsKey("retentionUnbounded"));
    }

    [Fact]
    public void Cache_true_without_params_is_litellms_default_redis_whose_host_is_unknown()
    {
        // proxy_server.py: cache_type = cache_params.get("type", "redis"), host from REDIS_HOST.
        var model = ReadClean(Head + """
            litellm_settings:
              cache: true
            """);
        var cache = model.Get(LiteLlmConfigReader.CacheId);
        Assert.Equal(("redis", Hosting.Unknown, "Redis response cache"), (cache.Attributes["type"], cache.Hosting, cache.Name));
        Assert.Contains(cache.Notes, n => n.Contains("REDIS_HOST", StringComparison.Ordinal));
        Assert.Contains(model.OpenQuestions, q => q.IsOpen(model) && q.Question == "Who hosts this cache, and in which region?");
    }

    [Fact]
    public void Cache_true_without_params_takes_its_redis_host_from_the_stack_environment()
    {
        var model = ReadClean("""
            environment_variables:
              REDIS_HOST: redis
            model_list:
              - model_name: m
                litellm_params: {model: openai/gpt-4o}
            litellm_settings:
              cache: true
            """);
        var cache = model.Get(LiteLlmConfigReader.CacheId);
        Assert.Equal((Hosting.OperatorHosted, "redis"), (cache.Hosting, cache.Attributes["host"]));
        Assert.DoesNotContain(model.OpenQuestions, q => q.IsOpen(model) && q.Subject == cache.Name && q.Question.StartsWith("Who hosts", StringComparison.Ordinal));
    }

    // LiteLLMCacheType in litellm/types/caching.py (read 2026-11-30): every type is mapped, none warns.
    [Theory]
    [InlineData("local")]
    [InlineData("redis")]
    [InlineData("redis-semantic")]
    [InlineData("valkey-semantic")]
    [InlineData("s3")]
    [InlineData("disk")]
    [InlineData("qdrant-semantic")]
    [InlineData("azure-blob")]
    [InlineData("gcs")]
    public void Every_cache_type_litellm_defines_is_mapped(string type)
    {
        Assert.True(LiteLlmDatastores.CacheTypes.ContainsKey(type));
        var result = Read(Head + $"litellm_settings:\n  cache: true\n  cache_params:\n    type: {type}\n");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "litellm-unknown-cache");
    }

    [Fact]
    public void Unknown_cache_type_stays_unknown_with_a_warning()
    {
        var result = Read(Head + "litellm_settings:\n  cache: true\n  cache_params:\n    type: memcached\n");
        Assert.Equal(("litellm-unknown-cache", 8), (result.Diagnostics.Single().Code, result.Diagnostics.Single().Location.Line));
        Assert.Equal(Hosting.Unknown, result.Fragment.Get(LiteLlmConfigReader.CacheId).Hosting);
    }

    // The report never asks what it already says: where the host answers who runs the database and where, only
    // the backups stay open.
    [Theory]
    [InlineData("postgresql://litellm@claims-db.c9akciq32.eu-central-1.rds.amazonaws.com:5432/litellm", false, false)]
    [InlineData("postgresql://litellm@ep-cool-darkness-a1b2c3d4-pooler.eu-central-1.aws.neon.tech/litellm", false, false)]
    [InlineData("postgresql://litellm@localhost:5432/litellm", false, false)]
    [InlineData("postgresql://litellm@db:5432/litellm", false, false)]
    [InlineData("postgresql://litellm@10.0.4.12:5432/litellm", false, false)]
    [InlineData("postgresql://litellm@db.pg.example.net:5432/litellm", true, false)]
    [InlineData("os.environ/DATABASE_URL", true, false)]
    public void Postgres_questions_ask_only_what_the_report_does_not_say(string url, bool asksWhoHosts, bool asksRegion)
    {
        var questions = ReportQuestions(Head + $"general_settings:\n  database_url: {url}\n");
        Assert.Equal(asksWhoHosts, questions.Contains("Postgres: Who hosts this Postgres, and in which region?"));
        Assert.Equal(asksRegion, questions.Any(q => q.StartsWith("Postgres: In which region", StringComparison.Ordinal)));
        Assert.Contains("Postgres: How long are this Postgres's backups kept, and where?", questions);
        Assert.DoesNotContain(questions, q => q.Contains("Who hosts this Postgres, in which region, and how long", StringComparison.Ordinal));
    }

    [Fact]
    public void A_managed_postgres_whose_host_names_no_region_is_asked_only_for_its_region()
    {
        var questions = ReportQuestions(Head + "general_settings:\n  database_url: postgresql://postgres@db.abcdefghijkl.supabase.co:5432/postgres\n");
        Assert.DoesNotContain("Postgres: Who hosts this Postgres, and in which region?", questions);
        Assert.Contains("Postgres: In which region does this Postgres run? Its host does not name one.", questions);
    }

    [Fact]
    public void Store_model_in_db_is_an_open_question_in_the_report_that_the_annex_may_be_incomplete()
    {
        var questions = ReportQuestions(Head + "general_settings:\n  database_url: postgresql://litellm@db:5432/litellm\n  store_model_in_db: true\n");
        Assert.Contains(questions, q => q.StartsWith("LiteLLM proxy: store_model_in_db is on", StringComparison.Ordinal) && q.Contains("annex may miss parties", StringComparison.Ordinal));
    }

    [Fact]
    public void Cache_ttl_bounds_retention_and_a_private_host_is_operator_hosted()
    {
        var model = ReadClean(Head + """
            litellm_settings:
              cache: true
              cache_params:
                type: redis
                host: redis-master.litellm.svc.cluster.local
                port: 6379
                ttl: 600
            """);
        var cache = model.Get(LiteLlmConfigReader.CacheId);
        Assert.Equal(Hosting.OperatorHosted, cache.Hosting);
        Assert.Equal(600.0, cache.Attributes["ttlSeconds"]);
        Assert.Equal("entries expire after 10 minutes (ttl)", cache.Retention!.Value.Description);
        Assert.Equal(11, cache.Retention.Evidence.Line);
    }

    [Fact]
    public void Cache_params_without_cache_true_warn_and_add_no_cache()
    {
        var result = Read(Head + """
            litellm_settings:
              cache_params:
                type: redis
            """);
        Assert.Null(result.Fragment.Find(LiteLlmConfigReader.CacheId));
        Assert.Equal("litellm-cache-off", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Unknown_cache_type_warns_and_keeps_the_cache()
    {
        var result = Read(Head + """
            litellm_settings:
              cache: true
              cache_params: {type: memcached}
            """);
        Assert.Equal(("litellm-unknown-cache", 7), (Assert.Single(result.Diagnostics).Code, result.Diagnostics[0].Location.Line));
        Assert.Equal(Hosting.Unknown, result.Fragment.Get(LiteLlmConfigReader.CacheId).Hosting);
    }

    [Fact]
    public void Cache_type_from_an_environment_variable_is_not_called_an_unknown_type()
    {
        var result = Read(Head + """
            litellm_settings:
              cache: true
              cache_params: {type: os.environ/CACHE_TYPE}
            """);
        Assert.Empty(result.Diagnostics);
        Assert.Contains("CACHE_TYPE", result.Fragment.Get(LiteLlmConfigReader.CacheId).Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Cache_password_and_redis_url_password_are_secrets()
    {
        var result = Read(Head + """
            litellm_settings:
              cache: true
              cache_params:
                type: redis
                url: redis://default:cachepass123@cache.example.com:6379
                password: cachepass123
            """);
        Assert.Equal(new[] { 9, 10 }, result.Fragment.Secrets.Select(s => s.Location.Line).Order());
        Assert.Contains(result.Fragment.Secrets, s => s.Redacted == "redis://default:****@cache.example.com:6379");
    }

    [Fact]
    public void Router_redis_is_a_datastore_on_the_hot_path()
    {
        var model = ReadClean(Head + """
            router_settings:
              redis_host: 10.0.0.12
              redis_port: 6379
              redis_password: os.environ/REDIS_PASSWORD
            """);
        var redis = model.Get(LiteLlmConfigReader.RouterRedisId);
        Assert.Equal((ComponentRole.Datastore, Hosting.OperatorHosted), (redis.Role, redis.Hosting));
        Assert.Equal("metadata,usage", model.Flow(LiteLlmConfigReader.GatewayId, redis.Id).Categories());
        Assert.Equal(true, model.Get(LiteLlmConfigReader.GatewayId).Attributes["redisOnHotPath"]);
        Assert.Empty(model.Secrets);
    }

    [Fact]
    public void Router_redis_url_with_password_and_literal_redis_password_are_secrets()
    {
        var result = Read(Head + """
            router_settings:
              redis_host: redis.example.com
              redis_url: redis://:routerpass77@redis.example.com:6379
              redis_password: routerpass77
            """);
        Assert.Equal(new[] { ("router_settings.redis_password", 8), ("router_settings.redis_url", 7) },
            result.Fragment.Secrets.Select(s => (s.Key, s.Location.Line)).Order());
        Assert.Equal("****", result.Secrets.Scrub("routerpass77"));
    }

    [Theory]
    [InlineData(86_400, "1 day")]
    [InlineData(172_800, "2 days")]
    [InlineData(3_600, "1 hour")]
    [InlineData(5_400, "90 minutes")]
    [InlineData(60, "1 minute")]
    [InlineData(1, "1 second")]
    [InlineData(90.5, "90.5 seconds")]
    public void Ttl_is_written_for_people(double seconds, string text) => Assert.Equal(text, LiteLlmConfigReader.FormatSeconds(seconds));

    [Theory]
    [InlineData("-5", "must be a number of seconds, 0 or more")]
    [InlineData("soon", "must be a number")]
    public void Bad_ttl_is_an_error_and_no_bound(string ttl, string message)
    {
        var result = Read(Head + $"litellm_settings:\n  cache: true\n  cache_params:\n    type: redis\n    ttl: {ttl}\n");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, 9), (error.Severity, error.Location.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Null(result.Fragment.Get(LiteLlmConfigReader.CacheId).Retention);
    }
}
