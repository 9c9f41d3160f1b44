using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Api.Extensions;

/// <summary>
/// Where the product keeps local state (configuration section <c>Data</c>): the generated development ingestion key and
/// the SQLite grain storage (unless <c>Storage:SqlitePath</c> is set). Relative paths are resolved against the working directory.
/// </summary>
public sealed class DataFolderOptions
{
    public const string SectionName = "Data";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Data:Folder is required.")]
    public string Folder { get; set; } = "data-local";

    public string ResolveFolder() => Path.GetFullPath(Folder);
}
