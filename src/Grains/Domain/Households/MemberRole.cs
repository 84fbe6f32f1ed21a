using System.Text.Json.Serialization;

namespace NVelopes.Grains.Domain.Households;

/// <summary>
/// What a member may do with a shared account, each role including the ones below it: a viewer reads, an editor
/// also changes the money, envelopes and payment sources, an owner also manages members and closes the account.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<MemberRole>))]
public enum MemberRole
{
    Viewer = 0,
    Editor = 1,
    Owner = 2,
}
