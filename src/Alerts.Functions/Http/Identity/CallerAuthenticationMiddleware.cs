using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Functions.Http.Identity;

/// <summary>The Functions worker's step that authenticates every HTTP invocation before its function runs; timers pass through.</summary>
public sealed class CallerAuthenticationMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http)
        {
            await context.InstanceServices.GetRequiredService<CallerAuthenticator>().AuthenticateAsync(http).ConfigureAwait(false);
        }

        await next(context).ConfigureAwait(false);
    }
}
