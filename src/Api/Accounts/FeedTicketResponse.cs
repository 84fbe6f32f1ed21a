using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Accounts;

[Description("A ticket that opens this account's event stream as `?ticket=`, within `expires_in` seconds.")]
public sealed record FeedTicketResponse(
    [property: Description("The ticket.")] string Ticket,
    [property: Description("Seconds it stays valid.")] int ExpiresIn) : IHasExample<FeedTicketResponse>
{
    public static FeedTicketResponse Example => new("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1YjBlN2YxYyJ9.c2lnbmF0dXJl", 60);
}
