// The local stack: Azurite, the loopback Service Bus, an SMTP sink, a webhook listener and a replay server.
