using System.Text.Json;
using System.Text.Json.Serialization;

namespace NVelopes.Web.Contracts;

/// <summary>
/// The API's JSON (snake_case), generated at build time: the trimmed app keeps no reflection-based serializer.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TokenAnswer))]
[JsonSerializable(typeof(SignUpBody))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(List<AccountSummary>))]
[JsonSerializable(typeof(Account))]
[JsonSerializable(typeof(List<TransactionItem>))]
[JsonSerializable(typeof(OpenAccountBody))]
[JsonSerializable(typeof(OpenedAccount))]
[JsonSerializable(typeof(MovementBody))]
[JsonSerializable(typeof(MoveBody))]
[JsonSerializable(typeof(PayBody))]
[JsonSerializable(typeof(AddPayerBody))]
[JsonSerializable(typeof(UpdatePayerBody))]
[JsonSerializable(typeof(AddEnvelopeBody))]
[JsonSerializable(typeof(RenameEnvelopeBody))]
[JsonSerializable(typeof(AccountIdBody))]
[JsonSerializable(typeof(Change))]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(Report))]
[JsonSerializable(typeof(List<Invitation>))]
[JsonSerializable(typeof(InviteBody))]
[JsonSerializable(typeof(Invitation))]
[JsonSerializable(typeof(List<Member>))]
[JsonSerializable(typeof(RoleBody))]
[JsonSerializable(typeof(ChangeList))]
[JsonSerializable(typeof(List<Schedule>))]
[JsonSerializable(typeof(ScheduleBody))]
[JsonSerializable(typeof(ScheduleChange))]
[JsonSerializable(typeof(ImportReport))]
public sealed partial class ApiJson : JsonSerializerContext;
