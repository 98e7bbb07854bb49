package io.beliefnet.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.model.AgentDomainState;
import io.beliefnet.model.DomainState;
import io.beliefnet.model.OpenClaim;
import io.beliefnet.model.OpenClaimRing;
import io.beliefnet.model.PropositionState;
import io.beliefnet.pipeline.InputEvent;
import io.beliefnet.pipeline.trust.TokenBucket;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** State and stream types serialize without Kryo, so they can evolve across savepoints. */
class StateTypesTest {

  @ParameterizedTest
  @ValueSource(
      classes = {
        PropositionState.class,
        AgentDomainState.class,
        OpenClaim.class,
        OpenClaimRing.class,
        DomainState.class,
        InputEvent.class,
        TokenBucket.class
      })
  void isAFlinkPojoWithoutGenericFields(Class<?> type) {
    TypeInformation<?> info = TypeInformation.of(type);
    SerializerConfigImpl noKryo = new SerializerConfigImpl();
    noKryo.setGenericTypes(false);

    assertThat(info).isInstanceOf(PojoTypeInfo.class);
    assertThat(info.createSerializer(noKryo)).isNotNull();
  }
}
