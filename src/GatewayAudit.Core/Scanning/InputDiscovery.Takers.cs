using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Scanning;

/// <summary>Which readers take a walked file: by its name while walking, and by its text for a source file once read.</summary>
public sealed partial class InputDiscovery
{
    private enum Takers
    {
        None,
        SourceOnly,
        Config,
    }

    // Which readers take a file name, asked once per distinct name: a monorepo repeats config.yaml, main.py and
    // index.ts thousands of times, and every reader was asked about every file three times (bench/SCALE.md round 5).
    private readonly Dictionary<string, Takers> _takers = new(StringComparer.Ordinal);

    // What the readers that look at the ending alone say, asked once per ending: the names of a monorepo's source files
    // are mostly distinct, and each distinct name asked every reader (bench/SCALE.md round 10).
    private readonly Dictionary<string, (bool Any, bool Other)> _takersByEnding = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether any reader takes this file name, and if so whether only source-code readers do (a .py, .ts, .go file; not a config).</summary>
    private Takers TakersOf(ReadOnlySpan<char> name)
    {
        // Looked up by the name's part of the path: only a name not met before is made a string.
        if (_takers.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var takers))
        {
            return takers;
        }

        var fileName = name.ToString();
        var ending = Path.GetExtension(fileName);
        if (!_takersByEnding.TryGetValue(ending, out var byEnding))
        {
            _takersByEnding[ending] = byEnding = Ask(fileName, byEndingAlone: true);
        }

        var byName = Ask(fileName, byEndingAlone: false);
        var (any, other) = (byEnding.Any || byName.Any, byEnding.Other || byName.Other);
        _takers[fileName] = takers = !any ? Takers.None : other ? Takers.Config : Takers.SourceOnly;
        return takers;
    }

    // The readers that look at a name's ending alone, and the others, told apart once: each new name asked every reader
    // which kind it was, 36 calls through the interface per name (bench/SCALE.md round 17).
    private IConfigReader[]? _readersByEnding;
    private IConfigReader[]? _readersByName;

    /// <summary>Whether any of the readers that do (or do not) look at the ending alone takes the name, and whether one of them is no source-code reader.</summary>
    private (bool Any, bool Other) Ask(string fileName, bool byEndingAlone)
    {
        var (any, other) = (false, false);
        foreach (var reader in byEndingAlone ? _readersByEnding ??= [.. readers.Where(r => r.OffersByEndingAlone)] : _readersByName ??= [.. readers.Where(r => !r.OffersByEndingAlone)])
        {
            if (reader.OffersFileName(fileName))
            {
                any = true;
                other |= reader is not ISourceCodeReader;
            }
        }

        return (any, other);
    }

    // The source readers a file's ending offers it to, worked out once per ending (the rest are asked by name): each
    // source file asked every source reader whether it takes its name, each making the ending anew, and that was a
    // twentieth of a 1,000-config scan's samples (bench/SCALE.md round 16).
    private readonly Dictionary<string, ISourceCodeReader[]> _sourceReadersByEnding = new(StringComparer.OrdinalIgnoreCase);
    private ISourceCodeReader[]? _sourceReadersByName;

    private bool SomeReaderRecognizes(InputFile file)
    {
        // Loops, not lambdas: a closure was made for every source file.
        foreach (var reader in SourceReadersByEnding(file.FullPath))
        {
            if (reader.Recognizes(file))
            {
                return true;
            }
        }

        foreach (var reader in SourceReadersByName)
        {
            if (reader.OffersFileName(file.FileName) && reader.Recognizes(file))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether some source reader that takes this file may recognise its text (<see cref="ISourceCodeReader.MayRecognize"/>),
    /// asked before the text is made a string: false only where <see cref="SomeReaderRecognizes"/> would be false.
    /// </summary>
    private bool SomeReaderMayRecognize(string fullPath, ReadOnlySpan<char> text)
    {
        foreach (var reader in SourceReadersByEnding(fullPath))
        {
            if (reader.MayRecognize(text))
            {
                return true;
            }
        }

        var byName = SourceReadersByName;
        var name = byName.Length == 0 ? null : Path.GetFileName(fullPath);
        foreach (var reader in byName)
        {
            if (reader.OffersFileName(name!) && reader.MayRecognize(text))
            {
                return true;
            }
        }

        return false;
    }

    private ISourceCodeReader[] SourceReadersByName => _sourceReadersByName ??= [.. readers.OfType<ISourceCodeReader>().Where(r => !r.OffersByEndingAlone)];

    /// <summary>The source readers that take a file by its ending, looked up by the path's ending without making it a string.</summary>
    private ISourceCodeReader[] SourceReadersByEnding(string fullPath)
    {
        var ending = Path.GetExtension(fullPath.AsSpan());
        if (_sourceReadersByEnding.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(ending, out var byEnding))
        {
            return byEnding;
        }

        var name = Path.GetFileName(fullPath);
        _sourceReadersByEnding[ending.ToString()] = byEnding = [.. readers.OfType<ISourceCodeReader>().Where(r => r.OffersByEndingAlone && r.OffersFileName(name))];
        return byEnding;
    }
}
