using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Reports;

/// <summary>The open questions of a report section: the model's own that are still open, and the contract questions no config answers.</summary>
public static partial class ReportBuilder
{
    /// <summary>
    /// The open questions, the first of each subject and question, in that order. A loop and a sort instead of a query:
    /// every stack's section asks it. The first of equal questions is kept, so the sort has no ties to keep in order.
    /// </summary>
    private static List<OpenQuestionRow> QuestionsOf(StackModel model, VendorCatalog catalog)
    {
        var questions = new List<OpenQuestion>();
        HashSet<(string, string)>? asked = null;
        foreach (var question in model.OpenQuestions)
        {
            if (question.IsOpen(model))
            {
                Ask(questions, ref asked, question);
            }
        }

        CatalogQuestions(model, catalog, questions, ref asked);
        questions.Sort(static (a, b) => string.CompareOrdinal(a.Subject, b.Subject) is var bySubject and not 0 ? bySubject : string.CompareOrdinal(a.Question, b.Question));
        return questions.ConvertAll(q => new OpenQuestionRow(q.Subject, q.Question, q.Evidence?.File, q.Evidence?.Line));
    }

    // The set of questions asked made only for a stack with one: most of 10,000 stacks' sections ask none or one.
    private static void Ask(List<OpenQuestion> questions, ref HashSet<(string, string)>? asked, OpenQuestion question)
    {
        if (questions.Count == 0)
        {
            questions.Add(question);
            return;
        }

        if (asked is null)
        {
            asked = [];
            foreach (var already in questions)
            {
                asked.Add((already.Subject, already.Question));
            }
        }

        if (asked.Add((question.Subject, question.Question)))
        {
            questions.Add(question);
        }
    }

    /// <summary>
    /// Contract questions no config answers. Catalog gaps (no DPA link, retention unknown, no entry) are not asked
    /// here: they are listed once per party under facts to confirm.
    /// </summary>
    private static void CatalogQuestions(StackModel model, VendorCatalog catalog, List<OpenQuestion> questions, ref HashSet<(string, string)>? asked)
    {
        // A gateway's sub-processors are covered by the contract with the gateway, which the questions about it ask.
        foreach (var component in model.Components)
        {
            // A provider that offers ZDR: whether this account has it (or another retention agreement) is a contract
            // fact no config shows. Readers that ask a sharper question (OpenRouter's account-wide setting) win.
            // The flows into the component are walked last: the other tests are a field each.
            if (component.Hosting == Hosting.ThirdParty && (component.SubProcessorOf is null || OnOwnAccount(component))
                && component.Role is ComponentRole.ModelProvider or ComponentRole.Gateway or ComponentRole.Guardrail && component.Zdr is null
                && catalog.Find(component.Vendor) is { } vendor && vendor.Fact(Vendor.Zdr).Text is "yes" or "partial"
                && model.ReceivesAny(component.Id, PromptOnly)
                && !AsksAboutZdr(model, component.Name))
            {
                Ask(questions, ref asked, new OpenQuestion(vendor.Name,
                    "Is zero data retention, or another retention agreement, in force for the account or project this stack uses? The config cannot show it; without one the vendor's default retention applies.",
                    component.Evidence.FirstOrDefault()));
            }
        }
    }

    private static bool AsksAboutZdr(StackModel model, string subject)
    {
        foreach (var question in model.OpenQuestions)
        {
            if (question.Subject == subject && question.Question.Contains("zero data retention", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly DataCategory[] PromptOnly = [DataCategory.Prompt];
}
