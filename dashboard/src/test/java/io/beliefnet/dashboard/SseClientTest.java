package io.beliefnet.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SseClientTest {

  @Test
  void frameNamesTheEventAndCarriesItsJsonOnOneDataLine() {
    String frame = SseClient.frame(new DashboardEvent("scores", Map.of("text", "two\nlines")));

    assertThat(frame).isEqualTo("event: scores\ndata: {\"text\":\"two\\nlines\"}\n\n");
  }

  @Test
  void hubStartsAPageWithASnapshotThenTheEventsAfterIt() throws InterruptedException {
    EventHub hub = new EventHub();
    hub.accept(Records.belief("p", 1, 0.6, null));
    SseClient page = hub.connect();
    hub.accept(Records.belief("p", 2, 0.7, null));

    assertThat(page.next(Duration.ZERO))
        .startsWith("event: snapshot\ndata: {\"propositions\":[{\"propositionId\":\"p\"");
    assertThat(page.next(Duration.ZERO)).startsWith("event: belief\n").contains("\"version\":2");
    assertThat(page.next(Duration.ZERO)).isEqualTo(SseClient.KEEP_ALIVE);
  }

  @Test
  void aPageTooFarBehindIsCutOff() {
    SseClient page = new SseClient();
    for (int i = 0; i < SseClient.CAPACITY; i++) {
      assertThat(page.offer("event: x\n\n")).isTrue();
    }

    assertThat(page.offer("event: x\n\n")).isFalse();
    assertThat(page.cutOff()).isTrue();
  }
}
