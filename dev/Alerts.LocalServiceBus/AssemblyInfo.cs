// The loopback Service Bus: an AMQP 1.0 broker on 127.0.0.1 for development and tests.
