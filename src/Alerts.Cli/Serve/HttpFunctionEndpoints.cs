using Alerts.Functions.Http.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Serve;

/// <summary>
/// Maps every HTTP function of the manifest to <c>/{routePrefix}/{route}</c> with its methods: the key is checked
/// for the function's level, then the function method runs with the request and the returned
/// <see cref="IActionResult"/> is executed as ASP.NET Core MVC would (the Functions ASP.NET Core integration does the same).
/// </summary>
public static class HttpFunctionEndpoints
{
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, FunctionManifest manifest, FunctionKeys keys, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(manifest);
        foreach (var function in manifest.Http)
        {
            var invoker = FunctionInvoker.For(function.Name, function.EntryPoint);
            var pattern = "/" + (manifest.RoutePrefix.Length > 0 ? manifest.RoutePrefix + "/" : "") + function.Route;
            RequestDelegate handler = context => HandleAsync(context, function, invoker, keys, logger);
            var builder = function.Methods.Count == 0 ? endpoints.Map(pattern, handler) : endpoints.MapMethods(pattern, function.Methods, handler);
            builder.WithDisplayName(function.Name).WithMetadata(function);
        }

        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, HttpFunction function, FunctionInvoker invoker, FunctionKeys keys, ILogger logger)
    {
        if (!keys.Allows(context.Request, function.AuthorizationLevel))
        {
            await Results.Problem(
                title: "Function key required.",
                detail: $"Send the function key in header {FunctionKeys.HeaderName} or query parameter {FunctionKeys.QueryName}.",
                statusCode: StatusCodes.Status401Unauthorized,
                instance: context.Request.Path).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        // As the worker middleware does in Azure: who is calling, decided once, before the function runs.
        await context.RequestServices.GetRequiredService<CallerAuthenticator>().AuthenticateAsync(context).ConfigureAwait(false);
        object? result;
        try
        {
            result = await invoker.InvokeAsync(context.RequestServices, new InvocationInput(context, null, context.RequestAborted)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            // As the host: a failed function is a 500; the details go to the log, not to the caller.
            logger.LogError(exception, "Function {Function} failed", function.Name);
            await Results.Problem(title: "The function failed.", statusCode: StatusCodes.Status500InternalServerError, instance: context.Request.Path)
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
                break;
            case IResult minimal:
                await minimal.ExecuteAsync(context).ConfigureAwait(false);
                break;
            case null:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                await context.Response.WriteAsJsonAsync(result, result.GetType(), context.RequestAborted).ConfigureAwait(false);
                break;
        }
    }
}
