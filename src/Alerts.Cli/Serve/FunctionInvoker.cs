using System.Reflection;
using Alerts.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Serve;

/// <summary>
/// Calls one function method as the isolated worker does: a new instance of its class per invocation, activated
/// from the invocation's services (constructor injection from the app's registration), with the trigger's arguments
/// bound by parameter type and name: the real <see cref="HttpRequest"/>, route values for the other string
/// parameters, the <see cref="TimerInfo"/> of a timer, the <see cref="CancellationToken"/>. A parameter serve cannot
/// bind (e.g. <c>FunctionContext</c>, which no function uses) stops the start, naming the function.
/// </summary>
public sealed class FunctionInvoker
{
    private readonly MethodInfo _method;
    private readonly ObjectFactory _factory;
    private readonly Func<InvocationInput, object?>[] _binders;

    private FunctionInvoker(string name, MethodInfo method)
    {
        Name = name;
        _method = method;
        _factory = ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);
        _binders = method.GetParameters().Select(p => Binder(name, p)).ToArray();
    }

    public string Name { get; }

    /// <summary>The class that declares the function method.</summary>
    public Type FunctionClass => _method.DeclaringType!;

    /// <summary>Finds <paramref name="entryPoint"/> (<c>Namespace.Class.Method</c>) in the Functions app's assembly.</summary>
    public static FunctionInvoker For(string name, string entryPoint)
    {
        var dot = entryPoint.LastIndexOf('.');
        var type = typeof(AlertsApp).Assembly.GetType(entryPoint[..dot])
            ?? throw new FunctionManifestException($"Function '{name}': class {entryPoint[..dot]} is not in the Functions app; rebuild src/Alerts.Functions.");
        var method = type.GetMethod(entryPoint[(dot + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            ?? throw new FunctionManifestException($"Function '{name}': method {entryPoint} is not in the Functions app; rebuild src/Alerts.Functions.");
        return new FunctionInvoker(name, method);
    }

    /// <summary>Invokes the method; returns what it returned, awaited (null for <see cref="Task"/> and void).</summary>
    public async Task<object?> InvokeAsync(IServiceProvider services, InvocationInput input)
    {
        var instance = _method.IsStatic ? null : _factory(services, null);
        try
        {
            var arguments = new object?[_binders.Length];
            for (var i = 0; i < _binders.Length; i++)
            {
                arguments[i] = _binders[i](input);
            }

            object? returned;
            try
            {
                returned = _method.Invoke(instance, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }

            return returned switch
            {
                Task<IActionResult> action => await action.ConfigureAwait(false),
                ValueTask<IActionResult> action => await action.ConfigureAwait(false),
                Task task => await AwaitAsync(task).ConfigureAwait(false),
                _ => returned,
            };
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static async Task<object?> AwaitAsync(Task task)
    {
        await task.ConfigureAwait(false);
        var type = task.GetType();
        return type.IsGenericType && type.GetProperty(nameof(Task<object>.Result)) is { } result && result.PropertyType.Name != "VoidTaskResult"
            ? result.GetValue(task)
            : null;
    }

    private static Func<InvocationInput, object?> Binder(string function, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type == typeof(HttpRequest))
        {
            return input => input.Http?.Request ?? throw new InvalidOperationException($"Function '{function}' needs an HTTP request.");
        }

        if (type == typeof(HttpContext))
        {
            return input => input.Http ?? throw new InvalidOperationException($"Function '{function}' needs an HTTP request.");
        }

        if (type == typeof(CancellationToken))
        {
            return input => input.CancellationToken;
        }

        if (type == typeof(TimerInfo))
        {
            return input => input.Timer ?? throw new InvalidOperationException($"Function '{function}' needs a timer trigger.");
        }

        if (type == typeof(string))
        {
            // Route parameters bind by name, as the worker binds trigger metadata; absent = null.
            var name = parameter.Name!;
            return input => input.Http?.GetRouteValue(name) is { } value ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        throw new FunctionManifestException(
            $"Function '{function}': serve cannot bind parameter '{parameter.Name}' of type {type.Name} (it binds HttpRequest, route strings, TimerInfo and CancellationToken).");
    }
}

/// <summary>What a trigger hands a function: the HTTP context or the timer, and the invocation's cancellation.</summary>
public sealed record InvocationInput(HttpContext? Http, TimerInfo? Timer, CancellationToken CancellationToken);
