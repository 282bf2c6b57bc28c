using Amazon.Runtime;

namespace Jobs.Core;

/// <summary>
/// SDK client settings for functions: on Stratus, AWS_ENDPOINT_URL points every client at the local endpoint and
/// S3 must then be addressed path-style; on AWS the variable is unset and the SDK defaults apply unchanged.
/// </summary>
public static class AwsClients
{
    public static string? LocalEndpoint => Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL") is { Length: > 0 } url ? url : null;

    public static TConfig Configure<TConfig>(TConfig config) where TConfig : ClientConfig
    {
        ArgumentNullException.ThrowIfNull(config);
        if (LocalEndpoint is { } endpoint) config.ServiceURL = endpoint;
        if (config is Amazon.S3.AmazonS3Config s3 && LocalEndpoint is not null) s3.ForcePathStyle = true;
        return config;
    }
}
