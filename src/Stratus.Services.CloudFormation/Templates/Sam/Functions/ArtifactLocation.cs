using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam.Functions;

/// <summary>
/// CodeUri / ContentUri / DefinitionUri: an <c>s3://bucket/key?versionId=v</c> URI, a {Bucket, Key, Version} map, or
/// — through <see cref="SamTransformOptions.LocalArtifacts"/> — a local path that `stratus deploy` has uploaded.
/// </summary>
internal static class ArtifactLocation
{
    /// <summary>The location as {Bucket, Key[, Version]} (SAM's pointer shape).</summary>
    public static JsonObject Pointer(SamDocument document, string logicalId, string property, JsonNode? location)
    {
        switch (location)
        {
            case JsonObject map when !map.IsIntrinsic(out _, out _):
                if (map["Bucket"] is null || map["Key"] is null)
                {
                    throw new InvalidSamResourceException(logicalId, $"'{property}' requires Bucket and Key properties to be specified.");
                }
                return (JsonObject)map.DeepClone();
            case JsonValue value when value.TryGetString(out var text):
                return ParseUri(text) ?? Local(document, logicalId, property, text);
            default:
                throw new InvalidSamResourceException(logicalId, $"'{property}' must be of type dict or string.");
        }
    }

    /// <summary>The location as a Lambda Code / Content property: {S3Bucket, S3Key[, S3ObjectVersion]}.</summary>
    public static JsonObject LambdaCode(SamDocument document, string logicalId, string property, JsonNode? location)
    {
        var pointer = Pointer(document, logicalId, property, location);
        var code = new JsonObject { ["S3Bucket"] = pointer["Bucket"]?.DeepClone(), ["S3Key"] = pointer["Key"]?.DeepClone() };
        code.Set("S3ObjectVersion", pointer["Version"]);
        return code;
    }

    /// <summary>Parses s3://bucket/key[?versionId=v] without normalizing anything (bucket and key stay as written).</summary>
    public static JsonObject? ParseUri(string uri)
    {
        const string scheme = "s3://";
        if (!uri.StartsWith(scheme, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = uri[scheme.Length..];
        var query = "";
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == rest.Length - 1)
        {
            return null;
        }
        var pointer = new JsonObject { ["Bucket"] = rest[..slash], ["Key"] = rest[(slash + 1)..].TrimStart('/') };
        var versions = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.StartsWith("versionId=", StringComparison.Ordinal))
            .Select(p => Uri.UnescapeDataString(p["versionId=".Length..]))
            .ToList();
        if (versions.Count == 1)
        {
            pointer["Version"] = versions[0];
        }
        return pointer;
    }

    private static JsonObject Local(SamDocument document, string logicalId, string property, string path)
    {
        if (document.Options.LocalArtifacts?.Invoke(logicalId, property, path) is { } uploaded)
        {
            var pointer = new JsonObject { ["Bucket"] = uploaded.Bucket, ["Key"] = uploaded.Key };
            pointer.Set("Version", uploaded.Version is null ? null : JsonValue.Create(uploaded.Version));
            return pointer;
        }
        throw new InvalidSamResourceException(logicalId,
            $"'{property}' is not a valid S3 Uri of the form 's3://bucket/key' with optional versionId query parameter.");
    }
}
