using System.Text.Json;
using NVelopes.Grains.Domain.Events;

namespace NVelopes.Grains.Storage;

/// <summary>
/// The stored form of a logged event, the same in every store: JSON whose <c>kind</c> names the event type and whose
/// money amounts are exact decimal literals, so an event reads back exactly as it was written.
/// </summary>
public static class RecordedEventJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static string Serialize(RecordedEvent recorded) => JsonSerializer.Serialize(recorded, Json);

    public static RecordedEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<RecordedEvent>(json, Json) ?? throw new JsonException("A stored event is empty.");
}
