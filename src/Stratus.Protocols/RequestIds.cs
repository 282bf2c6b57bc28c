namespace Stratus.Protocols;

/// <summary>Request ids shaped like AWS's (a UUID), cheap to make.</summary>
public static class RequestIds
{
    public static string New() => Guid.NewGuid().ToString();
}
