namespace NVelopes.Api.Accounts;

/// <summary>A feed ticket: pass it as <c>?ticket=</c> to the account's event stream within <c>expires_in</c> seconds.</summary>
public sealed record FeedTicketResponse(string Ticket, int ExpiresIn);
