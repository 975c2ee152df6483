using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// Gives a component of a stack another id (ids are the merge key, so they cannot change in place): a copy under the new
/// id takes every fact, the flows into and out of it and the questions about it, and merges with a component already
/// known under that id; the old id is gone. For joins that show two names are one party, or that a party is another.
/// </summary>
internal static class ComponentMove
{
    public static Component Move(StackModel model, Component from, string id, ComponentRole role, Action<Component>? rewrite = null)
    {
        var moved = new Component
        {
            Id = id,
            Name = from.Name,
            Role = role,
            Vendor = from.Vendor,
            Hosting = from.Hosting,
            SubProcessorOf = from.SubProcessorOf,
            Region = from.Region,
            Retention = from.Retention,
            Zdr = from.Zdr,
        };
        moved.Attributes.MergeFrom(from.Attributes);
        moved.Evidence.UnionWith(from.Evidence);
        moved.Notes.UnionWith(from.Notes);
        moved.AddAddressFromEnvironment(from.AddressFromEnvironmentAt);
        rewrite?.Invoke(moved);

        var flows = model.FlowsInto(from.Id).Concat(model.FlowsOutOf(from.Id)).ToList();
        model.Remove(from.Id);
        var kept = model.Add(moved);
        foreach (var flow in flows)
        {
            var copy = new Flow { From = flow.From == from.Id ? id : flow.From, To = flow.To == from.Id ? id : flow.To };
            copy.MergeFrom(flow);
            model.AddFlow(copy);
        }

        foreach (var under in model.Components.Where(c => c.SubProcessorOf == from.Id))
        {
            under.SubProcessorOf = id;
        }

        for (var i = 0; i < model.OpenQuestions.Count; i++)
        {
            if (model.OpenQuestions[i].About == from.Id)
            {
                model.OpenQuestions[i] = model.OpenQuestions[i] with { About = id };
            }
        }

        return kept;
    }
}
