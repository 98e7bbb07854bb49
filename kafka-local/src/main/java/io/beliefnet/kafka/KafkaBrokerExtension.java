package io.beliefnet.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests a real Kafka broker with the network's topics created (2
 * partitions each). One broker serves the whole test run: it starts on first use and stops when the
 * run ends. Declare a {@link KafkaBroker} parameter to receive it.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KafkaBrokerExtension.class);
  private static final int TEST_PARTITIONS = 2;

  @Override
  public void beforeAll(ExtensionContext context) {
    broker(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return broker(context);
  }

  private static KafkaBroker broker(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(SharedBroker.class, key -> SharedBroker.start(), SharedBroker.class)
        .broker();
  }

  /** Stopped by JUnit when the root context closes, i.e. after the last test. */
  private record SharedBroker(KafkaBroker broker)
      implements ExtensionContext.Store.CloseableResource {

    static SharedBroker start() {
      try {
        KafkaBroker broker = KafkaBroker.start(Files.createTempDirectory("kafka-test-"));
        NetworkTopics.create(broker.bootstrapServers(), TEST_PARTITIONS);
        return new SharedBroker(broker);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      broker.close();
    }
  }
}
