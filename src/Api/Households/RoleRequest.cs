using System.ComponentModel;
using NVelopes.Api.OpenApi;

namespace NVelopes.Api.Households;

[Description("A member's new role.")]
public sealed record RoleRequest([property: Description("`owner`, `editor` or `viewer`.")] string Role) : IHasExample<RoleRequest>
{
    public static RoleRequest Example => new("viewer");
}
