using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Options;
using XueBa.Coach.Configuration;

namespace XueBa.Coach.Infrastructure.Messaging;

public interface IEventBus
{
    Task PublishAsync<T>(string topic, string key, T payload, CancellationToken ct = default);
}

public sealed class KafkaEventBus : IEventBus, IDisposable
{
    private readonly IProducer<string, string> _producer;
    private readonly ILogger<KafkaEventBus> _logger;

    public KafkaEventBus(IOptions<KafkaOptions> options, ILogger<KafkaEventBus> logger)
    {
        _logger = logger;
        var config = new ProducerConfig
        {
            BootstrapServers = options.Value.BootstrapServers,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            CompressionType = CompressionType.Lz4,
        };
        _producer = new ProducerBuilder<string, string>(config)
            .SetErrorHandler((_, e) => logger.LogWarning("Kafka producer error {Code}: {Reason}", e.Code, e.Reason))
            .Build();
    }

    public async Task PublishAsync<T>(string topic, string key, T payload, CancellationToken ct = default)
    {
        var message = new Message<string, string>
        {
            Key = key,
            Value = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web),
            Headers = new Headers { { "type", System.Text.Encoding.UTF8.GetBytes(typeof(T).Name) } },
        };

        var result = await _producer.ProduceAsync(topic, message, ct);
        _logger.LogDebug("Published {Type} to {Topic} at {Offset}", typeof(T).Name, topic, result.TopicPartitionOffset);
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }
}
