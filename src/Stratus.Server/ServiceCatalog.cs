using Stratus.Protocols;
using Stratus.Protocols.Hosting;

namespace Stratus.Server;

/// <summary>The services this build serves. Adding a service is one line here.</summary>
internal static class ServiceCatalog
{
    public static IReadOnlyList<IAwsService> Create(ServiceHost host) =>
    [
        new Services.Sqs.SqsService(host),
    ];
}
