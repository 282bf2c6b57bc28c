namespace Stratus.Services.CloudFormation.Templates.Sam;

/// <summary>Where a packaged artifact lives in S3.</summary>
public sealed record S3ArtifactLocation(string Bucket, string Key, string? Version = null);

/// <summary>
/// Maps a local artifact path (a CodeUri, ContentUri or DefinitionUri that is not an s3:// URI) to the S3 location it
/// was uploaded to, the way `sam package` rewrites templates. Returns null when it cannot.
/// </summary>
/// <param name="logicalId">the SAM resource</param>
/// <param name="property">CodeUri, ContentUri or DefinitionUri</param>
/// <param name="localPath">the path as written in the template</param>
public delegate S3ArtifactLocation? LocalArtifactResolver(string logicalId, string property, string localPath);

/// <summary>Inputs of the SAM transform besides the template.</summary>
public sealed record SamTransformOptions
{
    /// <summary>The region the stack is deployed to: it picks the partition of generated ARNs (arn:aws, arn:aws-cn ...).</summary>
    public string Region { get; init; } = Evaluation.StackContext.DefaultRegion;

    /// <summary>Parameter values of the stack operation. Like SAM, the transform resolves references to parameters in
    /// the few places that need a value now (AutoPublishAlias, the code location hashed into version ids ...);
    /// defaults apply to parameters not given here.</summary>
    public IReadOnlyDictionary<string, string> ParameterValues { get; init; } = new Dictionary<string, string>();

    /// <summary>Resolves local artifact paths; without it a local path fails as it fails in SAM (which expects
    /// `sam package` to have uploaded it first).</summary>
    public LocalArtifactResolver? LocalArtifacts { get; init; }
}
