namespace NVelopes.Grains.Abstractions.Errors;

/// <summary>Why a command was refused; the gateway maps each kind to one HTTP status.</summary>
[GenerateSerializer, Alias("NVelopes.ErrorKind")]
public enum ErrorKind
{
    /// <summary>A rule refused the request or a value is invalid (400).</summary>
    Invalid = 0,
    /// <summary>The account, envelope or payment source does not exist for this caller (404).</summary>
    NotFound = 1,
    /// <summary>The request conflicts with what exists, such as a duplicate envelope name (409).</summary>
    Conflict = 2,
    /// <summary>The account has moved on since the version the caller named (412).</summary>
    PreconditionFailed = 3,
    /// <summary>The store could not be reached or did not confirm the write; retrying is safe (503).</summary>
    Unavailable = 4,
    /// <summary>The request is well formed but cannot be processed as sent (422).</summary>
    Unprocessable = 5,
    /// <summary>The request carries more than the route takes, such as a statement over the import's limits (413).</summary>
    TooLarge = 6,
    /// <summary>The caller is a member of the account, but their role does not allow this (403).</summary>
    Forbidden = 7,
}
