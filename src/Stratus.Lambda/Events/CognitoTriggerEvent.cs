using System.Text.Json.Serialization;

namespace Stratus.Lambda.Events;

/// <summary>
/// The parts every Cognito user-pool trigger event shares
/// (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-identity-pools-working-with-aws-lambda-triggers.html).
/// The function returns the whole event with <see cref="Response"/> filled in.
/// </summary>
public abstract class CognitoTriggerEvent<TRequest, TResponse>
    where TRequest : new()
    where TResponse : new()
{
    /// <summary>The event's version, e.g. <c>1</c> (or <c>2</c>/<c>3</c> for pre token generation V2).</summary>
    [JsonPropertyName("version")] public string? Version { get; set; }

    /// <summary>What fired the trigger, e.g. <c>PreSignUp_SignUp</c> or <c>TokenGeneration_Authentication</c>.</summary>
    [JsonPropertyName("triggerSource")] public string? TriggerSource { get; set; }

    /// <summary>The pool's region.</summary>
    [JsonPropertyName("region")] public string? Region { get; set; }

    /// <summary>The user pool id.</summary>
    [JsonPropertyName("userPoolId")] public string? UserPoolId { get; set; }

    /// <summary>The user's name (the sub for pools with email/phone sign-in aliases).</summary>
    [JsonPropertyName("userName")] public string? UserName { get; set; }

    /// <summary>The SDK and app client that made the request.</summary>
    [JsonPropertyName("callerContext")] public CognitoCallerContext? CallerContext { get; set; }

    /// <summary>The trigger's input.</summary>
    [JsonPropertyName("request")] public TRequest Request { get; set; } = new();

    /// <summary>The trigger's output, filled in by the function.</summary>
    [JsonPropertyName("response")] public TResponse Response { get; set; } = new();
}

/// <summary>callerContext of a Cognito trigger event.</summary>
public sealed class CognitoCallerContext
{
    /// <summary>The SDK version.</summary>
    [JsonPropertyName("awsSdkVersion")] public string? AwsSdkVersion { get; set; }

    /// <summary>The app client id.</summary>
    [JsonPropertyName("clientId")] public string? ClientId { get; set; }
}

/// <summary>Pre sign-up: approve, auto-confirm or reject a registration (throw to reject).</summary>
public sealed class CognitoPreSignupEvent : CognitoTriggerEvent<CognitoPreSignupRequest, CognitoPreSignupResponse>;

/// <summary>Pre sign-up input.</summary>
public sealed class CognitoPreSignupRequest
{
    /// <summary>The attributes the user signed up with.</summary>
    [JsonPropertyName("userAttributes")] public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>The ValidationData of the SignUp call.</summary>
    [JsonPropertyName("validationData")] public Dictionary<string, string>? ValidationData { get; set; }

    /// <summary>The ClientMetadata of the SignUp call.</summary>
    [JsonPropertyName("clientMetadata")] public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>Pre sign-up output.</summary>
public sealed class CognitoPreSignupResponse
{
    /// <summary>Confirm the user without a code.</summary>
    [JsonPropertyName("autoConfirmUser")] public bool AutoConfirmUser { get; set; }

    /// <summary>Mark the phone number verified.</summary>
    [JsonPropertyName("autoVerifyPhone")] public bool AutoVerifyPhone { get; set; }

    /// <summary>Mark the email verified.</summary>
    [JsonPropertyName("autoVerifyEmail")] public bool AutoVerifyEmail { get; set; }
}

/// <summary>Post confirmation: runs after a user is confirmed; its response is empty.</summary>
public sealed class CognitoPostConfirmationEvent : CognitoTriggerEvent<CognitoPostConfirmationRequest, CognitoEmptyResponse>;

/// <summary>Post confirmation input.</summary>
public sealed class CognitoPostConfirmationRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")] public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>ClientMetadata of the confirming call.</summary>
    [JsonPropertyName("clientMetadata")] public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>The <c>{}</c> response of triggers that return nothing.</summary>
public sealed class CognitoEmptyResponse;

/// <summary>Custom message: replaces the text of verification, invitation and reset messages.</summary>
public sealed class CognitoCustomMessageEvent : CognitoTriggerEvent<CognitoCustomMessageRequest, CognitoCustomMessageResponse>;

/// <summary>Custom message input.</summary>
public sealed class CognitoCustomMessageRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")] public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>The placeholder the message must contain for the code, e.g. <c>{####}</c>.</summary>
    [JsonPropertyName("codeParameter")] public string? CodeParameter { get; set; }

    /// <summary>The placeholder for a verification link.</summary>
    [JsonPropertyName("linkParameter")] public string? LinkParameter { get; set; }

    /// <summary>The placeholder for the user name (admin-created users).</summary>
    [JsonPropertyName("usernameParameter")] public string? UsernameParameter { get; set; }

    /// <summary>ClientMetadata of the call.</summary>
    [JsonPropertyName("clientMetadata")] public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>Custom message output.</summary>
public sealed class CognitoCustomMessageResponse
{
    /// <summary>The SMS text.</summary>
    [JsonPropertyName("smsMessage")] public string? SmsMessage { get; set; }

    /// <summary>The email body.</summary>
    [JsonPropertyName("emailMessage")] public string? EmailMessage { get; set; }

    /// <summary>The email subject.</summary>
    [JsonPropertyName("emailSubject")] public string? EmailSubject { get; set; }
}

/// <summary>Pre authentication: throw to deny a sign-in.</summary>
public sealed class CognitoPreAuthenticationEvent : CognitoTriggerEvent<CognitoPreAuthenticationRequest, CognitoEmptyResponse>;

/// <summary>Pre authentication input.</summary>
public sealed class CognitoPreAuthenticationRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")] public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>Whether the user was not found (pools that do not reveal user existence).</summary>
    [JsonPropertyName("userNotFound")] public bool? UserNotFound { get; set; }

    /// <summary>ValidationData of the call.</summary>
    [JsonPropertyName("validationData")] public Dictionary<string, string>? ValidationData { get; set; }
}

/// <summary>Post authentication: runs after a successful sign-in.</summary>
public sealed class CognitoPostAuthenticationEvent : CognitoTriggerEvent<CognitoPostAuthenticationRequest, CognitoEmptyResponse>;

/// <summary>Post authentication input.</summary>
public sealed class CognitoPostAuthenticationRequest
{
    /// <summary>Whether this was a new device.</summary>
    [JsonPropertyName("newDeviceUsed")] public bool? NewDeviceUsed { get; set; }

    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")] public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>ClientMetadata of the call.</summary>
    [JsonPropertyName("clientMetadata")] public Dictionary<string, string>? ClientMetadata { get; set; }
}
