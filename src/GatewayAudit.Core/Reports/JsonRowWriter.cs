using System.Text.Json;
using System.Text.Json.Serialization;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// The JSON report's high-volume rows written by hand on the serializer's own writer: each stack's section and its
/// rows, findings, and every evidence and string list. Through the serializer's metadata every property of every row
/// went through its property and converter machinery, every list through a boxed enumerator, and every location was a
/// row object built to be written; at 10,000 configs that was most of the "written" stage (bench/SCALE.md round 15).
/// The bytes are the contract's: same keys in the same order, nulls written, the writer's own indentation and escaping,
/// every string cleaned through <see cref="CleanedStrings"/>. JsonRowWriterTests compares this output byte for byte
/// with the serializer's over reports with every row type; a key added to a row type must be added here too.
/// </summary>
internal sealed class JsonRowWriter
{
    private readonly CleanedStrings _cleaned;

    // Each row writer made once: a method group passed for each list of each stack is a new delegate each time.
    private readonly Action<Utf8JsonWriter, SubProcessorRow> _subProcessor;
    private readonly Action<Utf8JsonWriter, FindingRow> _finding;
    private readonly Action<Utf8JsonWriter, ZdrGapRow> _zdrGap;
    private readonly Action<Utf8JsonWriter, OpenQuestionRow> _openQuestion;

    public JsonRowWriter(CleanedStrings cleaned)
    {
        _cleaned = cleaned;
        _subProcessor = SubProcessor;
        _finding = Finding;
        _zdrGap = ZdrGap;
        _openQuestion = OpenQuestion;
    }

    /// <summary>The converters to register with the string cleaner: each writes one value whole.</summary>
    public IEnumerable<JsonConverter> Converters =>
    [
        new RowConverter<StackRow>(Stack),
        new RowConverter<FindingRow>(_finding),
        new RowConverter<SubProcessorRow>(_subProcessor),
        new RowConverter<ZdrGapRow>(_zdrGap),
        new RowConverter<OpenQuestionRow>(_openQuestion),
        new RowConverter<SummarySection>(Summary),
        new RowConverter<IReadOnlyList<EvidenceRow>>(Evidence),
        new RowConverter<IReadOnlyList<string>>(Strings),
    ];

    private void Stack(Utf8JsonWriter w, StackRow row)
    {
        w.WriteStartObject();
        Text(w, Names.Id, row.Id);
        Text(w, Names.Name, row.Name);
        w.WritePropertyName(Names.Files);
        w.WriteStartArray();
        foreach (var file in row.Files)
        {
            w.WriteStartObject();
            Text(w, Names.File, file.File);
            Text(w, Names.Why, file.Why);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Rows(w, Names.Subprocessors, row.Subprocessors, _subProcessor);
        Rows(w, Names.Findings, row.Findings, _finding);
        Rows(w, Names.ZdrGaps, row.ZdrGaps, _zdrGap);
        Rows(w, Names.OpenQuestions, row.OpenQuestions, _openQuestion);
        w.WritePropertyName(Names.Summary);
        Summary(w, row.Summary);
        w.WriteEndObject();
    }

    private void SubProcessor(Utf8JsonWriter w, SubProcessorRow row)
    {
        w.WriteStartObject();
        Text(w, Names.Id, row.Id);
        Text(w, Names.Name, row.Name);
        Text(w, Names.Vendor, row.Vendor);
        Text(w, Names.LegalEntity, row.LegalEntity);
        Text(w, Names.Role, row.Role);
        w.WriteBoolean(Names.ThirdParty, row.ThirdParty);
        Text(w, Names.Hosting, row.Hosting);
        Strings(w, Names.DataCategories, row.DataCategories);
        Text(w, Names.Region, row.Region);
        Text(w, Names.Retention, row.Retention);
        Text(w, Names.Zdr, row.Zdr);
        Text(w, Names.ZdrDetail, row.ZdrDetail);
        w.WritePropertyName(Names.Evidence);
        Evidence(w, row.Evidence);
        Strings(w, Names.Notes, row.Notes);
        Text(w, Names.SubProcessorOf, row.SubProcessorOf);
        Text(w, Names.SubProcessorOfName, row.SubProcessorOfName);
        w.WriteNumber(Names.EvidenceCount, row.EvidenceCount);
        w.WriteEndObject();
    }

    private void Finding(Utf8JsonWriter w, FindingRow row)
    {
        w.WriteStartObject();
        Text(w, Names.RuleId, row.RuleId);
        Text(w, Names.Severity, row.Severity);
        Text(w, Names.Title, row.Title);
        Text(w, Names.Message, row.Message);
        Text(w, Names.File, row.File);
        Number(w, Names.Line, row.Line);
        Text(w, Names.Remediation, row.Remediation);
        w.WriteBoolean(Names.Suppressed, row.Suppressed);
        Text(w, Names.Subject, row.Subject);
        Strings(w, Names.References, row.References);
        w.WritePropertyName(Names.Suppression);
        if (row.Suppression is { } s)
        {
            w.WriteStartObject();
            Text(w, Names.Kind, s.Kind);
            Text(w, Names.Reason, s.Reason);
            Text(w, Names.Until, s.Until);
            w.WriteBoolean(Names.Expired, s.Expired);
            Text(w, Names.File, s.File);
            Number(w, Names.Line, s.Line);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        // Both only when set (JsonIgnoreCondition.WhenWritingNull on the row).
        if (row.Repository is { } repository)
        {
            Text(w, Names.Repository, repository);
        }

        if (row.Conditional is { } c)
        {
            w.WritePropertyName(Names.Conditional);
            w.WriteStartObject();
            Text(w, Names.Party, c.Party);
            Text(w, Names.Confidence, c.Confidence);
            Text(w, Names.Shown, c.Shown);
            Text(w, Names.File, c.File);
            Number(w, Names.Line, c.Line);
            Text(w, Names.RuleSeverity, c.RuleSeverity);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private void ZdrGap(Utf8JsonWriter w, ZdrGapRow row)
    {
        w.WriteStartObject();
        Text(w, Names.Subprocessor, row.Subprocessor);
        Text(w, Names.Name, row.Name);
        Text(w, Names.Zdr, row.Zdr);
        Text(w, Names.Detail, row.Detail);
        w.WritePropertyName(Names.Evidence);
        Evidence(w, row.Evidence);
        w.WriteNumber(Names.EvidenceCount, row.EvidenceCount);
        if (row.Repositories is { } repositories)
        {
            Strings(w, Names.Repositories, repositories);
        }

        w.WriteEndObject();
    }

    private void OpenQuestion(Utf8JsonWriter w, OpenQuestionRow row)
    {
        w.WriteStartObject();
        Text(w, Names.Subject, row.Subject);
        Text(w, Names.Question, row.Question);
        Text(w, Names.File, row.File);
        Number(w, Names.Line, row.Line);
        w.WriteEndObject();
    }

    private static void Summary(Utf8JsonWriter w, SummarySection s)
    {
        w.WriteStartObject();
        w.WriteNumber(Names.Subprocessors, s.Subprocessors);
        w.WriteNumber(Names.ThirdParties, s.ThirdParties);
        w.WriteNumber(Names.HostingUnknown, s.HostingUnknown);
        w.WriteNumber(Names.ReceivingPrompts, s.ReceivingPrompts);
        w.WriteNumber(Names.RetentionSurfaces, s.RetentionSurfaces);
        w.WriteNumber(Names.ZdrGaps, s.ZdrGaps);
        w.WriteNumber(Names.Findings, s.Findings);
        w.WriteNumber(Names.SuppressedFindings, s.SuppressedFindings);
        w.WriteNumber(Names.OpenQuestions, s.OpenQuestions);
        w.WriteNumber(Names.AnnexSubprocessors, s.AnnexSubprocessors);
        w.WriteNumber(Names.OperatorSystems, s.OperatorSystems);
        w.WriteNumber(Names.FactsToConfirm, s.FactsToConfirm);
        w.WriteNumber(Names.PartiesReceivingPrompts, s.PartiesReceivingPrompts);
        w.WriteEndObject();
    }

    /// <summary>
    /// An evidence list; a view of a location set (<see cref="LocationRows"/>: the roll-up's every location, a row's
    /// first few) is written from the locations themselves, without a row object for each.
    /// </summary>
    private void Evidence(Utf8JsonWriter w, IReadOnlyList<EvidenceRow> rows)
    {
        w.WriteStartArray();
        if (rows is LocationRows { Locations: var locations })
        {
            for (var i = 0; i < rows.Count; i++)
            {
                Location(w, locations[i].File, locations[i].Line);
            }
        }
        else
        {
            for (var i = 0; i < rows.Count; i++)
            {
                Location(w, rows[i].File, rows[i].Line);
            }
        }

        w.WriteEndArray();
    }

    private void Location(Utf8JsonWriter w, string file, int line)
    {
        w.WriteStartObject();
        Text(w, Names.File, file);
        w.WriteNumber(Names.Line, line);
        w.WriteEndObject();
    }

    private static void Rows<T>(Utf8JsonWriter w, JsonEncodedText name, IReadOnlyList<T> rows, Action<Utf8JsonWriter, T> write)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        for (var i = 0; i < rows.Count; i++)
        {
            write(w, rows[i]);
        }

        w.WriteEndArray();
    }

    private void Strings(Utf8JsonWriter w, JsonEncodedText name, IReadOnlyList<string>? values)
    {
        w.WritePropertyName(name);
        if (values is null)
        {
            w.WriteNullValue();
            return;
        }

        Strings(w, values);
    }

    private void Strings(Utf8JsonWriter w, IReadOnlyList<string> values)
    {
        w.WriteStartArray();
        for (var i = 0; i < values.Count; i++)
        {
            Value(w, values[i]);
        }

        w.WriteEndArray();
    }

    private void Text(Utf8JsonWriter w, JsonEncodedText name, string? value)
    {
        w.WritePropertyName(name);
        if (value is null)
        {
            w.WriteNullValue();
        }
        else
        {
            _cleaned.WritePropertyValue(w, value);
        }
    }

    private void Value(Utf8JsonWriter w, string? value)
    {
        if (value is null)
        {
            w.WriteNullValue();
        }
        else
        {
            _cleaned.WriteValue(w, value);
        }
    }

    private static void Number(Utf8JsonWriter w, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Writes one value with a hand-written writer; the report is only ever written with these, never read.</summary>
    private sealed class RowConverter<T>(Action<Utf8JsonWriter, T> write) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("The report's row writers only write.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => write(writer, value);
    }

    /// <summary>The keys, encoded once, as the contract's camelCase names.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText Files = JsonEncodedText.Encode("files");
        public static readonly JsonEncodedText File = JsonEncodedText.Encode("file");
        public static readonly JsonEncodedText Why = JsonEncodedText.Encode("why");
        public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
        public static readonly JsonEncodedText Subprocessors = JsonEncodedText.Encode("subprocessors");
        public static readonly JsonEncodedText Findings = JsonEncodedText.Encode("findings");
        public static readonly JsonEncodedText ZdrGaps = JsonEncodedText.Encode("zdrGaps");
        public static readonly JsonEncodedText OpenQuestions = JsonEncodedText.Encode("openQuestions");
        public static readonly JsonEncodedText Summary = JsonEncodedText.Encode("summary");
        public static readonly JsonEncodedText Vendor = JsonEncodedText.Encode("vendor");
        public static readonly JsonEncodedText LegalEntity = JsonEncodedText.Encode("legalEntity");
        public static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
        public static readonly JsonEncodedText ThirdParty = JsonEncodedText.Encode("thirdParty");
        public static readonly JsonEncodedText Hosting = JsonEncodedText.Encode("hosting");
        public static readonly JsonEncodedText DataCategories = JsonEncodedText.Encode("dataCategories");
        public static readonly JsonEncodedText Region = JsonEncodedText.Encode("region");
        public static readonly JsonEncodedText Retention = JsonEncodedText.Encode("retention");
        public static readonly JsonEncodedText Zdr = JsonEncodedText.Encode("zdr");
        public static readonly JsonEncodedText ZdrDetail = JsonEncodedText.Encode("zdrDetail");
        public static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
        public static readonly JsonEncodedText Notes = JsonEncodedText.Encode("notes");
        public static readonly JsonEncodedText SubProcessorOf = JsonEncodedText.Encode("subProcessorOf");
        public static readonly JsonEncodedText SubProcessorOfName = JsonEncodedText.Encode("subProcessorOfName");
        public static readonly JsonEncodedText EvidenceCount = JsonEncodedText.Encode("evidenceCount");
        public static readonly JsonEncodedText RuleId = JsonEncodedText.Encode("ruleId");
        public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText Remediation = JsonEncodedText.Encode("remediation");
        public static readonly JsonEncodedText Suppressed = JsonEncodedText.Encode("suppressed");
        public static readonly JsonEncodedText Subject = JsonEncodedText.Encode("subject");
        public static readonly JsonEncodedText References = JsonEncodedText.Encode("references");
        public static readonly JsonEncodedText Suppression = JsonEncodedText.Encode("suppression");
        public static readonly JsonEncodedText Repository = JsonEncodedText.Encode("repository");
        public static readonly JsonEncodedText Conditional = JsonEncodedText.Encode("conditional");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        public static readonly JsonEncodedText Until = JsonEncodedText.Encode("until");
        public static readonly JsonEncodedText Expired = JsonEncodedText.Encode("expired");
        public static readonly JsonEncodedText Party = JsonEncodedText.Encode("party");
        public static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");
        public static readonly JsonEncodedText Shown = JsonEncodedText.Encode("shown");
        public static readonly JsonEncodedText RuleSeverity = JsonEncodedText.Encode("ruleSeverity");
        public static readonly JsonEncodedText Subprocessor = JsonEncodedText.Encode("subprocessor");
        public static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");
        public static readonly JsonEncodedText Repositories = JsonEncodedText.Encode("repositories");
        public static readonly JsonEncodedText Question = JsonEncodedText.Encode("question");
        public static readonly JsonEncodedText ThirdParties = JsonEncodedText.Encode("thirdParties");
        public static readonly JsonEncodedText HostingUnknown = JsonEncodedText.Encode("hostingUnknown");
        public static readonly JsonEncodedText ReceivingPrompts = JsonEncodedText.Encode("receivingPrompts");
        public static readonly JsonEncodedText RetentionSurfaces = JsonEncodedText.Encode("retentionSurfaces");
        public static readonly JsonEncodedText SuppressedFindings = JsonEncodedText.Encode("suppressedFindings");
        public static readonly JsonEncodedText AnnexSubprocessors = JsonEncodedText.Encode("annexSubprocessors");
        public static readonly JsonEncodedText OperatorSystems = JsonEncodedText.Encode("operatorSystems");
        public static readonly JsonEncodedText FactsToConfirm = JsonEncodedText.Encode("factsToConfirm");
        public static readonly JsonEncodedText PartiesReceivingPrompts = JsonEncodedText.Encode("partiesReceivingPrompts");
    }
}
