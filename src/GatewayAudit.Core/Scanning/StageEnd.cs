namespace GatewayAudit.Core.Scanning;

/// <summary>
/// The end of a stage of a large scan, where much of what the stage allocated has just died (the parsed YAML trees
/// and fragments once stacks are assembled). Left to itself the GC keeps that garbage, promoted to the oldest
/// generation while the stage ran, until a full collection it has no reason to start soon, and the process grows on top
/// of it: at 10,000 configs a full collection at these points took the peak resident size from 318 to about 250 MiB
/// (bench/SCALE.md round 5). One point is enough since the stages allocate less: after the stacks are read. A second
/// after the report model was built cost 1.6 % of a 10,000-config scan's instructions for 8 MiB of peak (JIT build:
/// 209-210 MiB with it, 218-219 without, 245-246 with neither; bench/SCALE.md round 17). Collections after the
/// deployment files, the rules and the roll-up lowered no peak, and the collection need not compact (round 15).
/// Smaller scans skip it: at 1,000 configs the heap stays near 20 MiB and the peak near 100 MiB (round 10).
/// </summary>
public static class StageEnd
{
    /// <summary>Stacks (or, before stacks are formed, LiteLLM configs) from which a scan counts as large; the 1,000-config bench tree has about 1,000, the 10,000-config one about 10,000.</summary>
    public const int LargeScan = 2_000;

    /// <summary>Collects now when <paramref name="size"/> (stacks, or configs before stacks are formed) makes the scan large.</summary>
    public static void ReleaseGarbage(int size)
    {
        if (size >= LargeScan)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        }
    }
}
