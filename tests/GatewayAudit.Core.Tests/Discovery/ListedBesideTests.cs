using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Discovery;

/// <summary>
/// The walk's listing answers "is there a compose override beside this file" as <see cref="File.Exists"/> would, and
/// leaves to the file system what a listing cannot tell (a name a case-insensitive file system may match).
/// </summary>
public sealed class ListedBesideTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private ListedBeside Listed(string folder) => ListedBeside.Of(FolderListing.Of(Path.Combine(_dir.Path, folder)).Files);

    [Fact]
    public void A_listed_file_link_or_dangling_link_is_held_a_folder_is_not()
    {
        _dir.Write("a/docker-compose.yml", "services: {}\n");
        _dir.Write("a/compose.override.yaml", "services: {}\n");
        _dir.Write("a/docker-compose.override.yml/inside.txt", "a folder of that name\n");
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "a", "compose.override.yml"), "missing-target.yml");

        var listed = Listed("a");
        foreach (var name in new[] { "compose.override.yaml", "compose.override.yml", "docker-compose.override.yml", "docker-compose.override.yaml" })
        {
            Assert.Equal(File.Exists(Path.Combine(_dir.Path, "a", name)), listed.Holds(name));
        }
    }

    [Fact]
    public void A_name_a_case_insensitive_file_system_may_match_is_asked_not_answered()
    {
        _dir.Write("b/Docker-Compose.Override.yml", "services: {}\n");
        _dir.Write("c/configuración.yaml", "a: 1\n");
        _dir.Write("d/docker-compose.yml", "services: {}\n");

        Assert.Null(Listed("b").Holds("docker-compose.override.yml"));
        Assert.Null(Listed("c").Holds("compose.override.yaml"));
        Assert.Equal(false, Listed("d").Holds("compose.override.yaml"));
        Assert.Null(Listed("d").Holds("docker-compose.yml")); // not a name the listing keeps
    }
}
