using Alerts.Functions.Http;
using Alerts.Platform.Bus.DeadLetters;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.DeadLetters;

/// <summary>
/// <c>/api/deadletters</c> (admin, <c>Alerts.Admin</c>): the dead letters of every topic subscription (breaches/router,
/// notifications/email, notifications/teams), listed without bodies (targets are secrets), resubmitted or purged,
/// one or all matching a filter.
/// </summary>
public sealed class DeadLetterFunctions(DeadLetterClient deadLetters)
{
    /// <summary>Every queue, or the one named by <c>topic</c> and <c>subscription</c>; each with its matching dead letters, oldest first.</summary>
    [Function(nameof(ListDeadLetters))]
    public async Task<IActionResult> ListDeadLetters(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "deadletters")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (CallerIdentity.RequireAdmin(request) is { } denied)
        {
            return denied;
        }

        var (filter, max, errors) = DeadLetterQuery.Read(request);
        var topic = request.Query["topic"].ToString();
        var subscription = request.Query["subscription"].ToString();
        IReadOnlyList<DeadLetterQueue> queues = DeadLetterQueue.All;
        if (topic.Length > 0 || subscription.Length > 0)
        {
            if (DeadLetterQueue.Find(topic, subscription) is { } one)
            {
                queues = [one];
            }
            else
            {
                errors["subscription"] = [$"topic and subscription name one of {string.Join(", ", DeadLetterQueue.All)}, or are both left out"];
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(request, errors);
        }

        var views = new List<DeadLetterQueueView>();
        foreach (var queue in queues)
        {
            views.Add(new DeadLetterQueueView(queue.Topic, queue.Subscription, await deadLetters.ListAsync(queue, filter, max, cancellationToken)));
        }

        return new OkObjectResult(new DeadLettersView(views));
    }

    /// <summary>Sends the matching dead letters of one queue back to its subscription: 200 with how many.</summary>
    [Function(nameof(ResubmitDeadLetters))]
    public Task<IActionResult> ResubmitDeadLetters(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "deadletters/{topic}/{subscription}/resubmit")] HttpRequest request,
        string topic,
        string subscription,
        CancellationToken cancellationToken) =>
        TakeAsync(request, topic, subscription, async (q, f, m) => new DeadLetterActionView(q.Topic, q.Subscription, await deadLetters.ResubmitAsync(q, f, m, cancellationToken), 0));

    /// <summary>Removes the matching dead letters of one queue for good: 200 with how many.</summary>
    [Function(nameof(PurgeDeadLetters))]
    public Task<IActionResult> PurgeDeadLetters(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "deadletters/{topic}/{subscription}")] HttpRequest request,
        string topic,
        string subscription,
        CancellationToken cancellationToken) =>
        TakeAsync(request, topic, subscription, async (q, f, m) => new DeadLetterActionView(q.Topic, q.Subscription, 0, await deadLetters.PurgeAsync(q, f, m, cancellationToken)));

    private static async Task<IActionResult> TakeAsync(
        HttpRequest request, string topic, string subscription, Func<DeadLetterQueue, DeadLetterFilter, int, Task<DeadLetterActionView>> act)
    {
        if (CallerIdentity.RequireAdmin(request) is { } denied)
        {
            return denied;
        }

        if (DeadLetterQueue.Find(topic, subscription) is not { } queue)
        {
            return Problems.NotFound(request, $"There is no subscription '{subscription}' on topic '{topic}': dead letters are kept for {string.Join(", ", DeadLetterQueue.All)}.");
        }

        var (filter, max, errors) = DeadLetterQuery.Read(request, DeadLetterClient.MaxMessages);
        return errors.Count > 0 ? Problems.Validation(request, errors) : new OkObjectResult(await act(queue, filter, max));
    }
}

public sealed record DeadLettersView(IReadOnlyList<DeadLetterQueueView> Queues);

public sealed record DeadLetterQueueView(string Topic, string Subscription, IReadOnlyList<DeadLetter> Messages);

/// <param name="Resubmitted">Dead letters sent back to their subscription (resubmit).</param>
/// <param name="Purged">Dead letters removed for good (purge).</param>
public sealed record DeadLetterActionView(string Topic, string Subscription, int Resubmitted, int Purged);
