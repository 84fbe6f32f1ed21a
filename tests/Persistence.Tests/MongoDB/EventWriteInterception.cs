using System.Reflection;
using MongoDB.Driver;
using NVelopes.Persistence.MongoDB.Storage;

namespace NVelopes.Persistence.Tests.MongoDB;

/// <summary>
/// A MongoDB database that lets a test act inside an account store's commit: before each write of events in a
/// session (a commit's transaction), it awaits a callback with the ids of the accounts whose events are written. A
/// commit writes its events after the account documents and the history, so a callback that throws stands in
/// for a process dying mid-commit, and one that waits keeps the writer busy inside its transaction.
/// </summary>
internal static class EventWriteInterception
{
    public static IMongoDatabase Intercept(IMongoDatabase database, Func<IReadOnlyCollection<string>, Task> beforeEventWrite)
    {
        var proxy = DispatchProxy.Create<IMongoDatabase, DatabaseProxy>();
        ((DatabaseProxy)(object)proxy).Wrap(database, beforeEventWrite);
        return proxy;
    }

    private static object? Forward(object inner, MethodInfo method, object?[]? args) =>
        method.Invoke(inner, BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null);

    /// <summary>Hands out the events collection wrapped; everything else goes to the real database.</summary>
    internal class DatabaseProxy : DispatchProxy
    {
        private IMongoDatabase _inner = null!;
        private Func<IReadOnlyCollection<string>, Task> _beforeEventWrite = null!;

        public void Wrap(IMongoDatabase inner, Func<IReadOnlyCollection<string>, Task> beforeEventWrite)
        {
            _inner = inner;
            _beforeEventWrite = beforeEventWrite;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            var result = Forward(_inner, method!, args);
            if (result is not IMongoCollection<EventDocument> events) return result;
            var proxy = Create<IMongoCollection<EventDocument>, EventsProxy>();
            ((EventsProxy)(object)proxy).Wrap(events, _beforeEventWrite);
            return proxy;
        }
    }

    /// <summary>Runs the callback before the writes a commit makes in its session; forwards every call.</summary>
    internal class EventsProxy : DispatchProxy
    {
        private IMongoCollection<EventDocument> _inner = null!;
        private Func<IReadOnlyCollection<string>, Task> _beforeEventWrite = null!;

        public void Wrap(IMongoCollection<EventDocument> inner, Func<IReadOnlyCollection<string>, Task> beforeEventWrite)
        {
            _inner = inner;
            _beforeEventWrite = beforeEventWrite;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args) => (method!.Name, args) switch
        {
            (nameof(IMongoCollection<EventDocument>.InsertManyAsync), [IClientSessionHandle, IEnumerable<EventDocument> documents, ..]) =>
                ThenAsync(documents.Select(d => d.AccountId), () => (Task)Forward(_inner, method, args)!),
            (nameof(IMongoCollection<EventDocument>.BulkWriteAsync), [IClientSessionHandle, IEnumerable<WriteModel<EventDocument>> writes, ..]) =>
                ThenAsync(
                    writes.OfType<InsertOneModel<EventDocument>>().Select(w => w.Document.AccountId),
                    () => (Task<BulkWriteResult<EventDocument>>)Forward(_inner, method, args)!),
            _ => Forward(_inner, method, args),
        };

        private async Task ThenAsync(IEnumerable<string> accountIds, Func<Task> write)
        {
            await _beforeEventWrite([.. accountIds.Distinct()]);
            await write();
        }

        private async Task<T> ThenAsync<T>(IEnumerable<string> accountIds, Func<Task<T>> write)
        {
            await _beforeEventWrite([.. accountIds.Distinct()]);
            return await write();
        }
    }
}
