using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NVelopes.Grains.Domain.Events;

namespace NVelopes.Grains.Storage;

/// <summary>
/// The stored form of a logged event, the same in every store: JSON whose <c>kind</c> names the event type and whose
/// money amounts are exact decimal literals, so an event reads back exactly as it was written.
/// </summary>
public static class RecordedEventJson
{
    // Nulls are left out, and so is the events' Kind property, which repeats the discriminator: every byte of an
    // event is written once per commit and read back by every feed that catches up.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEventKind } },
    };

    public static string Serialize(RecordedEvent recorded) => JsonSerializer.Serialize(recorded, Json);

    public static RecordedEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<RecordedEvent>(json, Json) ?? throw new JsonException("A stored event is empty.");

    private static void OmitEventKind(JsonTypeInfo type)
    {
        if (!type.Type.IsAssignableTo(typeof(AccountEvent))) return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].Name == nameof(AccountEvent.Kind)) type.Properties.RemoveAt(i);
        }
    }
}
