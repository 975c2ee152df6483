using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// The application code as one component, shared by every source reader and language: the client of every party the
/// code calls, and the holder of any key written in it.
/// </summary>
internal static class CodeApplication
{
    public const string Id = "app:code";

    /// <summary>Adds (or adds evidence to) the application code component.</summary>
    public static Component Add(StackModel model, SourceLocation? at = null)
    {
        var app = new Component { Id = Id, Name = "Application code", Role = ComponentRole.App, Hosting = Hosting.OperatorHosted };
        if (at is not null)
        {
            app.Evidence.Add(at);
        }

        return model.Add(app);
    }

    /// <summary>A file whose only finding is a literal key still holds it in the application's code: the app is its holder.</summary>
    public static void AddForSecrets(StackModel model)
    {
        if (model.Secrets.Count > 0 && model.Find(Id) is null)
        {
            Add(model, model.Secrets[0].Location);
        }
    }
}
