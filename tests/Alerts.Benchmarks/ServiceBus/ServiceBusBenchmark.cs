using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Alerts.LocalServiceBus;
using Azure.Messaging.ServiceBus;

namespace Alerts.Benchmarks.ServiceBus;

/// <summary>
/// Messages per second through the loopback Service Bus with the real SDK (batched sends; peek-lock receive
/// and complete), beside an in-process <see cref="Channel{T}"/> pipe doing the same work, in one run.
/// </summary>
public sealed class ServiceBusBenchmark : IBenchmark
{
    private const string Topology = """
        {"UserConfig":{"Namespaces":[{"Name":"sbemulatorns","Topics":[{"Name":"bench",
          "Properties":{"RequiresDuplicateDetection":true,"DuplicateDetectionHistoryTimeWindow":"PT10M"},
          "Subscriptions":[{"Name":"bench","Properties":{"LockDuration":"PT1M","MaxDeliveryCount":10}}]}]}]}}
        """;

    public string Name => "servicebus";

    public string Description => "send and receive-and-complete N messages through the loopback Service Bus vs a Channel (--count 10000 --size 2048)";

    public async Task<int> RunAsync(string[] args)
    {
        var count = BenchmarkArgs.Int(args, "--count", 10_000);
        var size = BenchmarkArgs.Int(args, "--size", 2048);
        var payload = new byte[size];
        Random.Shared.NextBytes(payload);

        var topologyPath = Path.Combine(Path.GetTempPath(), $"servicebus-bench-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(topologyPath, Topology);
        try
        {
            await RunChannelAsync(Math.Min(count, 1000), payload); // warm-up (JIT), discarded
            var channel = await RunChannelAsync(count, payload);
            var broker = await RunBrokerAsync(count, payload, topologyPath);
            Console.WriteLine($"servicebus benchmark: {count} messages of {size} bytes");
            Console.WriteLine($"  {"",-34}{"send msg/s",14}{"receive+complete msg/s",26}");
            Console.WriteLine($"  {"loopback Service Bus (real SDK)",-34}{broker.Send,14:N0}{broker.Receive,26:N0}");
            Console.WriteLine($"  {"System.Threading.Channels pipe",-34}{channel.Send,14:N0}{channel.Receive,26:N0}");
            Console.WriteLine($"  {"ratio channel / broker",-34}{channel.Send / broker.Send,13:N0}x{channel.Receive / broker.Receive,25:N0}x");
            return 0;
        }
        finally
        {
            File.Delete(topologyPath);
        }
    }

    private static async Task<(double Send, double Receive)> RunBrokerAsync(int count, byte[] payload, string topologyPath)
    {
        await using var bus = await LoopbackServiceBus.StartAsync(new LoopbackServiceBusOptions { TopologyPath = topologyPath });
        await using var client = new ServiceBusClient(bus.ConnectionString);
        await using var sender = client.CreateSender("bench");

        // Warm-up: connection, CBS, link attach, JIT.
        await sender.SendMessageAsync(new ServiceBusMessage(payload) { MessageId = "warm-up" });
        await using var receiver = client.CreateReceiver("bench", "bench", new ServiceBusReceiverOptions { PrefetchCount = 500 });
        await receiver.CompleteMessageAsync(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10)));

        var watch = Stopwatch.StartNew();
        var sent = 0;
        while (sent < count)
        {
            using var batch = await sender.CreateMessageBatchAsync();
            while (sent < count && batch.TryAddMessage(new ServiceBusMessage(payload) { MessageId = sent.ToString(CultureInfo.InvariantCulture) }))
            {
                sent++;
            }

            await sender.SendMessagesAsync(batch);
        }

        var sendRate = count / watch.Elapsed.TotalSeconds;

        watch.Restart();
        var received = 0;
        var deadline = Stopwatch.StartNew();
        while (received < count && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            var messages = await receiver.ReceiveMessagesAsync(500, TimeSpan.FromSeconds(5));
            await Task.WhenAll(messages.Select(m => receiver.CompleteMessageAsync(m)));
            received += messages.Count;
        }

        var receiveRate = received / watch.Elapsed.TotalSeconds;
        if (received != count || bus.GetCounts("bench", "bench").Active != 0)
        {
            throw new InvalidOperationException($"received {received} of {count} messages");
        }

        return (sendRate, receiveRate);
    }

    private static async Task<(double Send, double Receive)> RunChannelAsync(int count, byte[] payload)
    {
        var channel = Channel.CreateUnbounded<(string Id, byte[] Body)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            // A copy per message, as a send serialises the body.
            await channel.Writer.WriteAsync((i.ToString(CultureInfo.InvariantCulture), payload.ToArray()));
        }

        var sendRate = count / watch.Elapsed.TotalSeconds;
        watch.Restart();
        long checksum = 0;
        for (var i = 0; i < count; i++)
        {
            var (_, body) = await channel.Reader.ReadAsync();
            checksum += body[0];
        }

        GC.KeepAlive(checksum);
        return (sendRate, count / watch.Elapsed.TotalSeconds);
    }
}
